package dev.converge.engine.diff;

/**
 * A rename the user declared ({@code -- converge:renamed-from <old>} in a state file): the object called
 * {@code oldName} in the target is the one called {@code newName} in the desired schema, so it is renamed
 * (keeping its data) instead of dropped and added.
 *
 * @param schema schema of the object (or of its table / type)
 * @param parent for COLUMN and CONSTRAINT the table, for ENUM_VALUE the enum type; else null
 */
public record Rename(Kind kind, String schema, String parent, String oldName, String newName) {

    public enum Kind { TABLE, COLUMN, INDEX, CONSTRAINT, VIEW, MATERIALIZED_VIEW, SEQUENCE, TYPE, ENUM_VALUE }

    public Rename {
        if (kind == null || schema == null || oldName == null || newName == null) {
            throw new IllegalArgumentException("kind, schema, oldName and newName are required");
        }
    }
}
