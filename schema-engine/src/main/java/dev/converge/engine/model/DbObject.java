package dev.converge.engine.model;

import java.util.Set;

/**
 * A top-level schema object with one qualified identity ({@link #id()}, e.g. {@code table:public.users}).
 * Columns and constraints are not top-level: they live inside their {@link TableDef}.
 */
public sealed interface DbObject permits SchemaDef, ExtensionDef, EnumDef, SequenceDef, TableDef, IndexDef, ViewDef, FunctionDef,
        TriggerDef, DomainDef, CompositeTypeDef, RangeTypeDef, PolicyDef {

    /** Kind-prefixed identity, unique within a model: {@code <kind>:<qualified name>}. */
    String id();

    /** Human name for messages and summaries, e.g. {@code table public.users}. */
    default String describe() {
        return id().replaceFirst(":", " ");
    }

    String comment();

    /** Ids of the objects this one needs to exist (types, sequences, schema, ...). */
    Set<String> dependsOn();

    /** Deterministic text used for the schema hash; order-insensitive where PostgreSQL is. */
    default String canonical() {
        return toString();
    }

    static String schemaId(String schema) {
        return "schema:" + schema;
    }

    static String typeId(QName name) {
        return "type:" + name;
    }
}
