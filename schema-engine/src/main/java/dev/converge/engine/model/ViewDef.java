package dev.converge.engine.model;

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
 * @param columns        the view's column names in order; they follow from the definition, so they are not part of
 *                       {@link #canonical()} (read so that column privileges kept on a recreated view only name
 *                       columns it still has)
 */
public record ViewDef(QName name, boolean materialized, String definition, List<String> reloptions, String comment,
                      Map<String, String> columnComments, List<String> deps, List<String> columns) implements DbObject {
    public ViewDef {
        reloptions = reloptions.stream().sorted().toList();
        columnComments = new TreeMap<>(columnComments);
        deps = Deps.normalized(deps);
        columns = List.copyOf(columns);
    }

    /** The hash text of before the columns were read, so that a view's hash does not change with this version. */
    @Override
    public String canonical() {
        return "ViewDef[name=" + name + ", materialized=" + materialized + ", definition=" + definition + ", reloptions="
                + reloptions + ", comment=" + comment + ", columnComments=" + columnComments + ", deps=" + deps + "]";
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
        return Deps.plus(deps, DbObject.schemaId(name.schema()));
    }

    public String keyword() {
        return materialized ? "MATERIALIZED VIEW" : "VIEW";
    }
}
