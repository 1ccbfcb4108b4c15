package dev.converge.engine.model;

import java.util.Comparator;

/**
 * One entry of an object's access control list, as {@code aclexplode} gives it, without its grantor (who
 * granted does not change what the grantee may do, and the planner grants as the role that runs the plan).
 *
 * @param grantee   role name, or {@code PUBLIC}
 * @param privilege {@code SELECT}, {@code USAGE}, {@code EXECUTE}, ...
 * @param column    the column of a column-level grant, else null
 * @param grantable {@code WITH GRANT OPTION}
 */
public record Grant(String grantee, String privilege, String column, boolean grantable) implements Comparable<Grant> {
    public static final String PUBLIC = "PUBLIC";

    private static final Comparator<Grant> ORDER = Comparator.comparing(Grant::grantee)
            .thenComparing(Grant::column, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Grant::privilege).thenComparing(Grant::grantable);

    public Grant {
        if (grantee == null || privilege == null) {
            throw new IllegalArgumentException("grantee and privilege are required");
        }
    }

    /** The same privilege for the same grantee and column, ignoring the grant option. */
    public String key() {
        return grantee + "/" + privilege + "/" + (column == null ? "" : column);
    }

    /** {@code PUBLIC} as is, a role name quoted. */
    public static String granteeSql(String grantee) {
        return PUBLIC.equals(grantee) ? PUBLIC : Ident.quote(grantee);
    }

    @Override
    public int compareTo(Grant o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return grantee + ":" + privilege + (column == null ? "" : "(" + column + ")") + (grantable ? "*" : "");
    }
}
