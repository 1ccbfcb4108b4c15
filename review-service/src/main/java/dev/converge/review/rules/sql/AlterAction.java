package dev.converge.review.rules.sql;

/** One action of an {@code ALTER TABLE} statement. */
public sealed interface AlterAction {
    record AddColumn(ColumnDef column) implements AlterAction {
    }

    record DropColumn(String column, boolean cascade) implements AlterAction {
    }

    record AlterColumnType(String column, TypeName type, String using) implements AlterAction {
    }

    record SetNotNull(String column) implements AlterAction {
    }

    record DropNotNull(String column) implements AlterAction {
    }

    record SetDefault(String column, String expression) implements AlterAction {
    }

    record DropDefault(String column) implements AlterAction {
    }

    record AddConstraint(ConstraintDef constraint) implements AlterAction {
    }

    record DropConstraint(String name, boolean cascade) implements AlterAction {
    }

    record ValidateConstraint(String name) implements AlterAction {
    }

    record RenameColumn(String from, String to) implements AlterAction {
    }

    record RenameTable(String to) implements AlterAction {
    }

    record RenameConstraint(String from, String to) implements AlterAction {
    }

    /** {@code SET LOGGED}, {@code SET UNLOGGED}, {@code SET TABLESPACE}, {@code SET ACCESS METHOD}: rewrite the table. */
    record Rewrite(String what) implements AlterAction {
    }

    record Other(String text) implements AlterAction {
    }
}
