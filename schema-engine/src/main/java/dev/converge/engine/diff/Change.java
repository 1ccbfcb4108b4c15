package dev.converge.engine.diff;

import dev.converge.engine.model.ColumnDef;
import dev.converge.engine.model.ConstraintDef;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.Grant;
import dev.converge.engine.model.Ident;
import dev.converge.engine.model.EnumDef;
import dev.converge.engine.model.TableDef;

import java.util.List;

/**
 * One typed difference between the current and the desired schema. The planner turns each into statements,
 * dispatching with {@code instanceof} patterns.
 */
public sealed interface Change {

    /** A line for plan summaries. */
    String describe();

    /** A top-level object to create (tables come with columns and their valid non-FK constraints). */
    record CreateObject(DbObject object) implements Change {
        public String describe() {
            return "create " + object.describe();
        }
    }

    /**
     * A top-level object to drop (with what it contains).
     *
     * @param because set when the object is only dropped to be recreated around a change of something it
     *                depends on (the plan flags it {@code RECREATES_DEPENDENTS})
     */
    record DropObject(DbObject object, String because) implements Change {
        public DropObject(DbObject object) {
            this(object, null);
        }

        public String describe() {
            return "drop " + object.describe() + (because == null ? "" : " (recreated: " + because + ")");
        }
    }

    /** An object whose properties change in place (same identity, same kind). */
    record AlterObject(DbObject from, DbObject to) implements Change {
        public String describe() {
            return "alter " + to.describe();
        }
    }

    /**
     * A declared rename, done first; the rest of the diff compares against the renamed object.
     *
     * @param sql the complete ALTER ... RENAME statement
     */
    record RenameObject(Rename rename, String sql) implements Change {
        public String describe() {
            return "rename " + rename.kind().name().toLowerCase().replace('_', ' ') + " "
                    + (rename.parent() == null ? rename.schema() : rename.schema() + "." + rename.parent()) + "."
                    + rename.oldName() + " to " + rename.newName();
        }
    }

    /**
     * An enum losing or reordering values. PostgreSQL can only add values, so a new type takes its place: created
     * under a temporary name, the columns converted through text, the old type dropped, the new one renamed.
     * What else uses the type (views, functions, constraints, indexes) is recreated around it by the differ.
     *
     * @param columns the table columns converted in place
     */
    record SwapEnum(EnumDef from, EnumDef to, List<SwappedColumn> columns) implements Change {
        public SwapEnum {
            columns = List.copyOf(columns);
        }

        public String describe() {
            return "replace enum " + to.name() + " (values " + from.labels() + " -> " + to.labels() + ")";
        }
    }

    /**
     * A column converted by a {@link SwapEnum}.
     *
     * @param keepDefault its default is the same before and after, so the swap sets it again (other default
     *                    changes are an {@link AlterColumn} of their own)
     */
    record SwappedColumn(TableDef table, ColumnDef column, boolean keepDefault) {
    }

    record AddColumn(TableDef table, ColumnDef column) implements Change {
        public String describe() {
            return "add column " + table.name() + "." + column.name();
        }
    }

    record DropColumn(TableDef table, ColumnDef column) implements Change {
        public String describe() {
            return "drop column " + table.name() + "." + column.name();
        }
    }

    record AlterColumn(TableDef table, ColumnDef from, ColumnDef to) implements Change {
        public String describe() {
            return "alter column " + table.name() + "." + to.name();
        }
    }

    /** @param newTable the table is created by the same plan (no online form needed) */
    record AddConstraint(TableDef table, ConstraintDef constraint, boolean newTable) implements Change {
        public String describe() {
            return "add " + constraint.kindName() + " " + constraint.name() + " on " + table.name();
        }
    }

    record DropConstraint(TableDef table, ConstraintDef constraint) implements Change {
        public String describe() {
            return "drop " + constraint.kindName() + " " + constraint.name() + " on " + table.name();
        }
    }

    /** A NOT VALID constraint that the desired schema has validated. */
    record ValidateConstraint(TableDef table, ConstraintDef constraint) implements Change {
        public String describe() {
            return "validate " + constraint.kindName() + " " + constraint.name() + " on " + table.name();
        }
    }

    /**
     * A comment to set (or remove when {@code to} is null).
     *
     * @param target the {@code COMMENT ON} target, e.g. {@code COLUMN public.t.c}
     * @param objectId the id of the top-level object it belongs to (for ordering)
     */
    record SetComment(String target, String objectId, String from, String to) implements Change {
        public String describe() {
            return (to == null ? "remove comment on " : "comment on ") + target.toLowerCase().split(" ", 2)[0] + " "
                    + target.split(" ", 2)[1];
        }
    }

    /**
     * Privileges of one grantee on an object and its columns to grant or revoke; planned when the project manages
     * privileges (or, {@code kept}, to keep the privileges of an object the plan replaces).
     *
     * @param grants what is granted or revoked (all for {@code grantee}; the grant option is in {@code action})
     * @param kept   null when the desired schema asks for it; else why the current privileges are restored on an
     *               object the plan replaces although privileges are not managed (a recreated view, a swapped enum, …)
     */
    record ChangePrivileges(DbObject object, Action action, String grantee, List<Grant> grants, String kept) implements Change {
        public enum Action { GRANT, GRANT_WITH_GRANT_OPTION, REVOKE, REVOKE_GRANT_OPTION }

        public ChangePrivileges {
            grants = grants.stream().sorted().toList();
        }

        public ChangePrivileges(DbObject object, Action action, String grantee, List<Grant> grants) {
            this(object, action, grantee, grants, null);
        }

        /** {@code INSERT, SELECT (id, name)}: object-level privileges, then column lists per privilege. */
        public String privilegeList() {
            java.util.Map<String, List<String>> columns = new java.util.TreeMap<>();
            List<String> items = new java.util.ArrayList<>();
            for (Grant g : grants) {
                if (g.column() == null) {
                    items.add(g.privilege());
                } else {
                    columns.computeIfAbsent(g.privilege(), k -> new java.util.ArrayList<>()).add(Ident.quote(g.column()));
                }
            }
            columns.forEach((priv, cols) -> items.add(priv + " (" + String.join(", ", cols) + ")"));
            return String.join(", ", items);
        }

        public String describe() {
            String what = privilegeList() + " on " + object.describe();
            return switch (action) {
                case GRANT -> "grant " + what + " to " + grantee;
                case GRANT_WITH_GRANT_OPTION -> "grant " + what + " to " + grantee + " with grant option";
                case REVOKE -> "revoke " + what + " from " + grantee;
                case REVOKE_GRANT_OPTION -> "revoke grant option for " + what + " from " + grantee;
            } + (kept == null ? "" : " (kept: " + kept + ")");
        }
    }

    /**
     * A new owner for an object; planned when the project manages ownership (or, {@code kept}, to keep the owner of
     * an object the plan replaces).
     *
     * @param from the current owner, null for the role that runs the plan
     * @param to   the desired owner, null for the role that runs the plan
     * @param kept null when the desired schema asks for it; else why the current owner is restored on an object
     *             the plan replaces although ownership is not managed (a recreated view, a swapped enum, …)
     */
    record SetOwner(DbObject object, String from, String to, String kept) implements Change {
        public SetOwner(DbObject object, String from, String to) {
            this(object, from, to, null);
        }

        public String describe() {
            return "owner of " + object.describe() + " " + (from == null ? "(default)" : from) + " -> "
                    + (to == null ? "(the role running the plan)" : to) + (kept == null ? "" : " (kept: " + kept + ")");
        }
    }
}
