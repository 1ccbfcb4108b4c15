package dev.converge.engine.diff;

import dev.converge.engine.EngineException;
import dev.converge.engine.diff.Change.ChangePrivileges.Action;
import dev.converge.engine.model.Authorization;
import dev.converge.engine.model.CompositeTypeDef;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.DomainDef;
import dev.converge.engine.model.EnumDef;
import dev.converge.engine.model.FunctionDef;
import dev.converge.engine.model.Grant;
import dev.converge.engine.model.RangeTypeDef;
import dev.converge.engine.model.SchemaDef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.SequenceDef;
import dev.converge.engine.model.TableDef;
import dev.converge.engine.model.ViewDef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Privilege and owner differences, after the object diff: an object the plan creates (or recreates, or an enum it
 * swaps for a new type) starts with what PostgreSQL gives a new object of the role running the plan (built-in
 * defaults and its {@code ALTER DEFAULT PRIVILEGES}, owned by that role), every other object with what the target
 * has. Only differences become changes, so a plan applied once plans back to empty.
 *
 * <p>An object the plan replaces ({@link Replacement}: recreated, or an enum swapped) keeps what is not managed:
 * to the user it is the same object (PostgreSQL's own {@code ALTER} keeps privileges and owner), and losing e.g.
 * the application role's {@code SELECT} on a recreated view would be an outage. So the current object's grants
 * and owner are restored on the new one when the project does not manage them.
 */
public final class AuthorizationDiffer {
    private AuthorizationDiffer() {
    }

    /**
     * @param objectChanges the object diff (to know what the plan creates and which columns it adds)
     * @param privileges    plan the desired privileges; else only keep those of replaced objects
     * @param ownership     plan the desired owners; else only keep those of replaced objects
     * @throws EngineException {@code UNKNOWN_ROLE} when a grant or owner names a role the target lacks
     */
    public static List<Change> diff(SchemaModel current, SchemaModel desired, List<Change> objectChanges,
                                    boolean privileges, boolean ownership) {
        Authorization have = current.authorization();
        Authorization want = desired.authorization();
        boolean grants = privileges && have.privilegesManaged() && want.privilegesManaged();
        boolean owners = ownership && have.ownershipManaged() && want.ownershipManaged();
        Set<String> created = new HashSet<>();
        Set<String> newColumns = new HashSet<>();
        for (Change c : objectChanges) {
            if (c instanceof Change.CreateObject co) {
                created.add(co.object().id());
            } else if (c instanceof Change.AddColumn ac) {
                newColumns.add(ac.table().id() + "." + ac.column().name());
            }
        }
        List<Replacement> replacements = Replacement.in(objectChanges);
        for (Replacement r : replacements) {
            created.add(r.next().id()); // e.g. the type a swap renames into place is one the plan creates
        }
        List<Change> out = new ArrayList<>();
        for (DbObject o : grants || owners ? desired.objects().values() : List.<DbObject>of()) {
            char kind = aclKind(o);
            if (kind == 0) {
                continue;
            }
            boolean isNew = created.contains(o.id());
            if (grants) {
                SortedSet<Grant> from = isNew ? have.newObjectGrants(kind, schemaOf(o)) : have.grantsOf(o.id());
                grants(o, from, want.grantsOf(o.id()), newColumns, null, out);
            }
            String fromOwner = isNew ? null : have.ownerOf(o.id());
            if (owners && !Objects.equals(fromOwner, want.ownerOf(o.id()))) {
                out.add(new Change.SetOwner(o, fromOwner, want.ownerOf(o.id())));
            }
        }
        requireRoles(out, have);
        for (Replacement r : replacements) {
            keepUnmanaged(r, have, !grants, !owners, out);
        }
        return out;
    }

    /**
     * Restores on the object a replacement creates the current object's grants (when privileges are not managed)
     * and owner (when ownership is not managed): relative to what an object the plan creates gets, like a desired
     * state would, so the running role's default privileges are revoked again. Grants on columns the new object
     * no longer has go with those columns.
     */
    private static void keepUnmanaged(Replacement r, Authorization have, boolean privileges, boolean ownership,
                                      List<Change> out) {
        DbObject next = r.next();
        char kind = aclKind(next);
        if (kind == 0 || kind != aclKind(r.current())) {
            return; // nothing to keep (an index, a trigger), or not the same kind of privileges
        }
        if (privileges) {
            SortedSet<Grant> current = new TreeSet<>();
            for (Grant g : have.grantsOf(r.current().id())) {
                if (columnStays(next, g.column())) {
                    current.add(g);
                }
            }
            grants(next, have.newObjectGrants(kind, schemaOf(next)), current, Set.of(), r.why(), out);
        }
        String owner = have.ownerOf(r.current().id());
        if (ownership && owner != null) {
            out.add(new Change.SetOwner(next, null, owner, r.why()));
        }
    }

    /** @param kept see {@link Change.ChangePrivileges#kept()} */
    private static void grants(DbObject o, SortedSet<Grant> from, SortedSet<Grant> to, Set<String> newColumns, String kept,
                               List<Change> out) {
        Map<String, Grant> have = byKey(from, o, newColumns);
        Map<String, Grant> want = byKey(to, o, Set.of());
        // one statement per grantee and action
        Map<List<Object>, List<Grant>> grouped = new LinkedHashMap<>();
        for (Grant w : want.values()) {
            Grant h = have.get(w.key());
            if (h == null) {
                group(grouped, w, w.grantable() ? Action.GRANT_WITH_GRANT_OPTION : Action.GRANT);
            } else if (h.grantable() != w.grantable()) {
                group(grouped, w, w.grantable() ? Action.GRANT_WITH_GRANT_OPTION : Action.REVOKE_GRANT_OPTION);
            }
        }
        for (Grant h : have.values()) {
            if (!want.containsKey(h.key()) && columnStays(o, h.column())) {
                group(grouped, h, Action.REVOKE);
            }
        }
        grouped.forEach((k, list) -> out.add(new Change.ChangePrivileges(o, (Action) k.get(1), (String) k.get(0), list, kept)));
    }

    /** Grants keyed by grantee, privilege and column; a column added by the plan has none yet. */
    private static Map<String, Grant> byKey(SortedSet<Grant> grants, DbObject o, Set<String> newColumns) {
        Map<String, Grant> map = new TreeMap<>();
        for (Grant g : grants) {
            if (g.column() == null || !newColumns.contains(o.id() + "." + g.column())) {
                map.put(g.key(), g);
            }
        }
        return map;
    }

    private static void group(Map<List<Object>, List<Grant>> grouped, Grant g, Action action) {
        grouped.computeIfAbsent(List.of(g.grantee(), action), k -> new ArrayList<>()).add(g);
    }

    /** A column the desired table or view no longer has takes its privileges with it when it is dropped. */
    private static boolean columnStays(DbObject o, String column) {
        return column == null || (o instanceof TableDef t ? t.column(column).isPresent()
                : !(o instanceof ViewDef v) || v.columns().contains(column));
    }

    private static void requireRoles(List<Change> changes, Authorization target) {
        for (Change c : changes) {
            String role = c instanceof Change.ChangePrivileges p && p.action() != Action.REVOKE
                    && p.action() != Action.REVOKE_GRANT_OPTION ? p.grantee()
                    : c instanceof Change.SetOwner s ? s.to() : null;
            if (role != null && !Grant.PUBLIC.equals(role) && !target.roles().contains(role)) {
                throw new EngineException(EngineException.Code.UNKNOWN_ROLE, "role \"" + role
                        + "\" does not exist on the target, but the desired schema needs it to " + c.describe()
                        + " (Converge does not create roles: create it on the target first)");
            }
        }
    }

    /** The {@code pg_default_acl} kind letter of an object whose privileges and owner are managed, else 0. */
    static char aclKind(DbObject o) {
        if (o instanceof SchemaDef) {
            return 'n';
        } else if (o instanceof TableDef || o instanceof ViewDef) {
            return 'r';
        } else if (o instanceof SequenceDef) {
            return 'S';
        } else if (o instanceof FunctionDef) {
            return 'f';
        } else if (o instanceof EnumDef || o instanceof DomainDef || o instanceof CompositeTypeDef || o instanceof RangeTypeDef) {
            return 'T';
        }
        return 0;
    }

    private static String schemaOf(DbObject o) {
        String rest = o.id().substring(o.id().indexOf(':') + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? "" : rest.substring(0, dot);
    }
}
