package dev.converge.engine.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A range type; {@code options} is the complete option list of its CREATE TYPE ... AS RANGE. */
public record RangeTypeDef(QName name, String options, String comment, List<String> deps) implements DbObject {
    public RangeTypeDef {
        deps = deps.stream().sorted().distinct().toList();
    }

    @Override
    public String id() {
        return DbObject.typeId(name);
    }

    @Override
    public String describe() {
        return "range type " + name;
    }

    @Override
    public Set<String> dependsOn() {
        Set<String> d = new HashSet<>(deps);
        d.add(DbObject.schemaId(name.schema()));
        return d;
    }
}
