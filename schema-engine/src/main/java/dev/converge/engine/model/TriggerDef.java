package dev.converge.engine.model;

import java.util.List;
import java.util.Set;

/**
 * A trigger on a table or view.
 *
 * @param relationId id of the table or view it fires on
 * @param definition {@code pg_get_triggerdef}
 * @param enabled    {@code O} (origin, the default), {@code D} disabled, {@code R} replica, {@code A} always
 */
public record TriggerDef(QName table, String name, String relationId, String definition, String enabled,
                         String comment, List<String> deps) implements DbObject {
    public TriggerDef {
        deps = Deps.normalized(deps);
    }

    @Override
    public String id() {
        return "trigger:" + table + "." + name;
    }

    @Override
    public Set<String> dependsOn() {
        return Deps.plus(deps, relationId);
    }
}
