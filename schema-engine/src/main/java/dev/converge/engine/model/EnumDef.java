package dev.converge.engine.model;

import java.util.List;
import java.util.Set;

public record EnumDef(QName name, List<String> labels, String comment) implements DbObject {
    public EnumDef {
        labels = List.copyOf(labels);
    }

    @Override
    public String id() {
        return DbObject.typeId(name);
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(DbObject.schemaId(name.schema()));
    }
}
