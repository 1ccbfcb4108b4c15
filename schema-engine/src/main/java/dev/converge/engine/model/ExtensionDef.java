package dev.converge.engine.model;

import java.util.Set;

/** An installed extension; the objects it owns are not part of the model. */
public record ExtensionDef(String name, String schema, String version, String comment) implements DbObject {
    @Override
    public String id() {
        return "extension:" + name;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(DbObject.schemaId(schema));
    }
}
