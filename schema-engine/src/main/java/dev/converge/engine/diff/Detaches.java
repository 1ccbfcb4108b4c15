package dev.converge.engine.diff;

import dev.converge.engine.model.ConstraintDef;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.IndexDef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.TableDef;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Partitions that leave their parent (declared stand-alone or under another parent) keep, after DETACH PARTITION,
 * the constraints and indexes they had from the parent, as their own. Diffing against the current schema as it
 * will look after the detach makes the plan keep, drop or redefine those like any other.
 */
public final class Detaches {
    private Detaches() {
    }

    /** {@code current} with each leaving partition's inherited constraints and indexes made its own. */
    public static SchemaModel asDetached(SchemaModel current, SchemaModel desired) {
        SortedMap<String, DbObject> objects = null;
        for (TableDef t : current.tables()) {
            TableDef.Inherited inherited = t.inherited();
            if (!leavesParent(t, desired) || inherited.constraints().isEmpty() && inherited.indexes().isEmpty()) {
                continue;
            }
            if (objects == null) {
                objects = new TreeMap<>(current.objects());
            }
            List<ConstraintDef> constraints = new ArrayList<>(t.constraints());
            constraints.addAll(inherited.constraints());
            objects.put(t.id(), t.withParts(t.columns(), constraints));
            for (IndexDef i : inherited.indexes()) {
                objects.putIfAbsent(i.id(), i);
            }
        }
        return objects == null ? current : new SchemaModel(current.serverVersionNum(), objects, current.dependencies());
    }

    /** A partition now that the desired schema keeps, but not under the same parent. */
    public static boolean leavesParent(TableDef have, SchemaModel desired) {
        return have.partitionOf() != null && desired.objects().get(have.id()) instanceof TableDef want
                && !have.partitionOf().equals(want.partitionOf());
    }
}
