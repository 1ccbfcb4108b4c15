package dev.converge.engine.model;

import java.util.List;
import java.util.Set;

/** A composite type ({@code CREATE TYPE x AS (...)}); attributes in order. */
public record CompositeTypeDef(QName name, List<Attribute> attributes, String comment, List<String> deps)
        implements DbObject {
    public CompositeTypeDef {
        attributes = List.copyOf(attributes);
        deps = Deps.normalized(deps);
    }

    public record Attribute(String name, String type, String collation) {
        public String sql() {
            return Ident.quote(name) + " " + type + (collation == null ? "" : " COLLATE " + collation);
        }
    }

    @Override
    public String id() {
        return DbObject.typeId(name);
    }

    @Override
    public String describe() {
        return "type " + name;
    }

    @Override
    public Set<String> dependsOn() {
        return Deps.plus(deps, DbObject.schemaId(name.schema()));
    }
}
