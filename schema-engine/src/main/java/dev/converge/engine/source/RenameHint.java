package dev.converge.engine.source;

import dev.converge.common.events.SourceLocation;

/**
 * A {@code -- converge:renamed-from <old>} annotation resolved to the object it stands above.
 *
 * @param kind    what is renamed
 * @param schema  schema written in the statement, or null when unqualified (resolve with the search_path)
 * @param parent  for columns, constraints and enum values: the table or type they belong to; else null
 * @param newName the name in the state file (identifier rules applied: unquoted names folded to lower case)
 * @param oldName the name the object has in the target
 */
public record RenameHint(Kind kind, String schema, String parent, String newName, String oldName, SourceLocation location) {

    public enum Kind { TABLE, COLUMN, INDEX, CONSTRAINT, VIEW, MATERIALIZED_VIEW, SEQUENCE, TYPE, ENUM_VALUE }
}
