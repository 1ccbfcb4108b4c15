package dev.converge.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table constraint.
 *
 * @param type       {@code p} primary key, {@code u} unique, {@code f} foreign key, {@code c} check,
 *                   {@code x} exclusion
 * @param definition {@code pg_get_constraintdef} without a trailing {@code NOT VALID}
 * @param validated  false for a {@code NOT VALID} constraint
 * @param references the referenced table of a foreign key, else null
 */
public record ConstraintDef(String name, char type, String definition, boolean validated, QName references,
                            String comment) {

    private static final Pattern FOREIGN_KEY = Pattern.compile("^FOREIGN KEY \\((.+?)\\) REFERENCES .+?\\((.+?)\\)");

    /** Columns of a foreign key on its own table (unquoted), or null when not a foreign key of the usual shape. */
    public List<String> foreignKeyColumns() {
        return foreignKeyPart(1);
    }

    /** Columns a foreign key references (unquoted), or null when not a foreign key of the usual shape. */
    public List<String> referencedColumns() {
        return foreignKeyPart(2);
    }

    private List<String> foreignKeyPart(int group) {
        Matcher m = FOREIGN_KEY.matcher(definition);
        if (!isForeignKey() || !m.find()) {
            return null;
        }
        return Arrays.stream(m.group(group).split(", ")).map(c -> Ident.parseQualified(c.trim()).get(0)).toList();
    }

    public boolean isForeignKey() {
        return type == 'f';
    }

    /** Whether the constraint owns an index (and so an index name in the table's schema). */
    public boolean hasIndex() {
        return type == 'p' || type == 'u' || type == 'x';
    }

    public String sql() {
        return "CONSTRAINT " + Ident.quote(name) + " " + definition;
    }

    public String kindName() {
        switch (type) {
            case 'p':
                return "primary key";
            case 'u':
                return "unique constraint";
            case 'f':
                return "foreign key";
            case 'c':
                return "check constraint";
            case 'x':
                return "exclusion constraint";
            default:
                return "constraint";
        }
    }
}
