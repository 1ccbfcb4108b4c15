package dev.converge.engine.model;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A domain with its constraints ({@code type} 'c' checks only). */
public record DomainDef(QName name, String baseType, String collation, String defaultExpr, boolean notNull,
                        List<ConstraintDef> constraints, String comment, List<String> deps) implements DbObject {
    public DomainDef {
        constraints = constraints.stream().sorted(Comparator.comparing(ConstraintDef::name)).toList();
        deps = Deps.normalized(deps);
    }

    @Override
    public String id() {
        return DbObject.typeId(name);
    }

    @Override
    public String describe() {
        return "domain " + name;
    }

    @Override
    public Set<String> dependsOn() {
        return Deps.plus(deps, DbObject.schemaId(name.schema()));
    }
}
