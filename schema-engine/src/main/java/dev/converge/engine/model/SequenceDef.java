package dev.converge.engine.model;

import java.util.Set;

/**
 * A standalone sequence (identity sequences belong to their column).
 *
 * @param unlogged    {@code CREATE UNLOGGED SEQUENCE}
 * @param ownedBy     the owning table, or null
 * @param ownedColumn the owning column, or null
 */
public record SequenceDef(QName name, SequenceOptions options, boolean unlogged, QName ownedBy, String ownedColumn,
                          String comment) implements DbObject {
    @Override
    public String id() {
        return "sequence:" + name;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(DbObject.schemaId(name.schema()));
    }
}
