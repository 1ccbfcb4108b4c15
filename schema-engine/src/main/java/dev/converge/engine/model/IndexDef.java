package dev.converge.engine.model;

import java.util.Set;

/**
 * A stand-alone index (indexes that implement a constraint belong to the constraint).
 *
 * @param definition {@code pg_get_indexdef} with a schema-qualified table
 * @param relationId id of the indexed table or materialized view
 * @param valid      false for the leftover of a failed {@code CREATE INDEX CONCURRENTLY}
 */
public record IndexDef(QName name, QName table, String relationId, String definition, boolean unique, boolean valid, String comment)
        implements DbObject {
    @Override
    public String id() {
        return "index:" + name;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(relationId);
    }
}
