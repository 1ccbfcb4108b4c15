package dev.converge.engine.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A view or materialized view.
 *
 * @param definition     {@code pg_get_viewdef} (the query, without a trailing semicolon)
 * @param reloptions     {@code check_option=local}, {@code security_barrier=true}, storage options, sorted
 * @param columnComments comments on the view's columns by column name
 * @param deps           ids of the objects the query uses (from pg_depend)
 */
public record ViewDef(QName name, boolean materialized, String definition, List<String> reloptions, String comment,
                      Map<String, String> columnComments, List<String> deps) implements DbObject {
    public ViewDef {
        reloptions = reloptions.stream().sorted().toList();
        columnComments = new TreeMap<>(columnComments);
        deps = deps.stream().sorted().distinct().toList();
    }

    @Override
    public String id() {
        return "view:" + name;
    }

    @Override
    public String describe() {
        return (materialized ? "materialized view " : "view ") + name;
    }

    @Override
    public Set<String> dependsOn() {
        Set<String> d = new HashSet<>(deps);
        d.add(DbObject.schemaId(name.schema()));
        return d;
    }

    public String keyword() {
        return materialized ? "MATERIALIZED VIEW" : "VIEW";
    }
}
