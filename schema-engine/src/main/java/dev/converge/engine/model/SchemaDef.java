package dev.converge.engine.model;

import java.util.Set;

public record SchemaDef(String name, String comment) implements DbObject {
    @Override
    public String id() {
        return DbObject.schemaId(name);
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of();
    }
}
