package dev.converge.engine.model;

import java.util.List;
import java.util.Set;

/** A range type; {@code options} is the complete option list of its CREATE TYPE ... AS RANGE. */
public record RangeTypeDef(QName name, String options, String comment, List<String> deps) implements DbObject {
    public RangeTypeDef {
        deps = Deps.normalized(deps);
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
        return Deps.plus(deps, DbObject.schemaId(name.schema()));
    }
}
