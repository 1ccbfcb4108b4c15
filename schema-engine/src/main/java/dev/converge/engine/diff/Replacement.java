package dev.converge.engine.diff;

import dev.converge.engine.model.DbObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An object the plan replaces by a new one under the same name: dropped and created again (a view around a column
 * type change or with another query, a function whose result type changes, a table that becomes partitioned, …)
 * or an enum swapped for a new type. To the user it is the same object, so what the project does not manage
 * (privileges, owner) is kept ({@link AuthorizationDiffer}).
 *
 * @param current what the target has now
 * @param next    what the plan creates in its place
 * @param why     for the plan's message: {@code view app.v is recreated}
 */
record Replacement(DbObject current, DbObject next, String why) {

    /** The replacements in an object diff: a swap, or a drop and a create of the same id. */
    static List<Replacement> in(List<Change> objectChanges) {
        Map<String, DbObject> created = new HashMap<>();
        for (Change c : objectChanges) {
            if (c instanceof Change.CreateObject co) {
                created.put(co.object().id(), co.object());
            }
        }
        List<Replacement> out = new ArrayList<>();
        for (Change c : objectChanges) {
            if (c instanceof Change.SwapEnum sw) {
                out.add(new Replacement(sw.from(), sw.to(), "enum " + sw.to().name() + " is replaced by a new type"));
            } else if (c instanceof Change.DropObject d && created.containsKey(d.object().id())) {
                out.add(new Replacement(d.object(), created.get(d.object().id()), d.object().describe() + " is recreated"));
            }
        }
        return out;
    }
}
