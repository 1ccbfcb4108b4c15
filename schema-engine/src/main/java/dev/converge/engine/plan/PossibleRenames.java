package dev.converge.engine.plan;

import dev.converge.engine.diff.Change;
import dev.converge.engine.model.ColumnDef;
import dev.converge.engine.model.TableDef;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spots drop + add pairs of same-shaped objects that were not declared as renames: a dropped table and a
 * created table with the same column types, a dropped and an added column of the same type in one table. The
 * plan keeps drop + add (nothing says it is a rename) but flags the drop {@code POSSIBLE_RENAME}, naming both.
 */
final class PossibleRenames {
    private PossibleRenames() {
    }

    static Map<Change, String> find(List<Change> changes) {
        Map<Change, String> notes = new IdentityHashMap<>();
        for (Change c : changes) {
            if (c instanceof Change.DropObject d && d.because() == null && d.object() instanceof TableDef dropped) {
                for (Change o : changes) {
                    if (o instanceof Change.CreateObject cr && cr.object() instanceof TableDef added
                            && shape(dropped).equals(shape(added))) {
                        notes.put(c, "table " + dropped.name() + " is dropped and " + added.name()
                                + " with the same columns is created; if it is a rename, annotate the new table with "
                                + "-- converge:renamed-from " + dropped.name().name() + " to keep the data");
                        break;
                    }
                }
            } else if (c instanceof Change.DropColumn d) {
                for (Change o : changes) {
                    if (o instanceof Change.AddColumn a && a.table().name().equals(d.table().name())
                            && a.column().type().equals(d.column().type()) && !a.column().name().equals(d.column().name())) {
                        notes.put(c, "column " + d.table().name() + "." + d.column().name() + " is dropped and "
                                + a.column().name() + " of the same type is added; if it is a rename, annotate the new "
                                + "column with -- converge:renamed-from " + d.column().name() + " to keep the data");
                        break;
                    }
                }
            }
        }
        return notes;
    }

    private static List<String> shape(TableDef t) {
        return t.columns().stream().map(ColumnDef::type).sorted().toList();
    }
}
