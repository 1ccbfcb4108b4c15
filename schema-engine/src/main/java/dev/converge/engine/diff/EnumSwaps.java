package dev.converge.engine.diff;

import dev.converge.engine.EngineException;
import dev.converge.engine.model.ColumnDef;
import dev.converge.engine.model.CompositeTypeDef;
import dev.converge.engine.model.ConstraintDef;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.DomainDef;
import dev.converge.engine.model.EnumDef;
import dev.converge.engine.model.RangeTypeDef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.TableDef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides how an enum's values change: in place ({@code ADD VALUE}) when values are only added, otherwise by
 * swapping in a new type ({@link Change.SwapEnum}) whose columns are listed here.
 */
final class EnumSwaps {
    private EnumSwaps() {
    }

    /** Values are only added (existing ones keep their relative order): ALTER TYPE ... ADD VALUE suffices. */
    static boolean onlyAdds(EnumDef from, EnumDef to) {
        return to.labels().stream().filter(from.labels()::contains).toList().equals(from.labels());
    }

    /**
     * Adds the swap of {@code from} for {@code to} to {@code changes}, with the foreign keys over converted columns
     * dropped and added again (PostgreSQL cannot keep a foreign key between columns of the old and the new type).
     * Runs after the cascade, so views, functions, constraints and indexes that use the type are already recreated.
     *
     * @param dropped ids of objects the plan drops (their columns are not converted)
     */
    static void swap(EnumDef from, EnumDef to, SchemaModel current, SchemaModel desired, Set<String> dropped,
                     List<Change> changes) {
        refuseTypesOverIt(from, current, desired, dropped);
        List<Change.SwappedColumn> columns = new ArrayList<>();
        for (ColumnUse use : keptColumns(from.id(), current, desired, dropped)) {
            boolean keepDefault = use.have().defaultExpr() != null
                    && Objects.equals(use.have().defaultExpr(), use.want().defaultExpr());
            columns.add(new Change.SwappedColumn(use.table(), use.have(), keepDefault));
        }
        changes.add(new Change.SwapEnum(from, to, columns));
        Set<String> converted = new HashSet<>();
        columns.forEach(c -> converted.add(c.table().name() + "." + c.column().name()));
        for (TableDef t : current.tables()) {
            if (dropped.contains(t.id()) || !(desired.objects().get(t.id()) instanceof TableDef wt)) {
                continue;
            }
            for (ConstraintDef k : t.constraints()) {
                if (!k.isForeignKey() || !usesConverted(t, k, converted) || alreadyDropped(t, k, changes)) {
                    continue;
                }
                changes.add(new Change.DropConstraint(t, k));
                wt.constraint(k.name()).ifPresent(wk -> changes.add(new Change.AddConstraint(wt, wk, false)));
            }
        }
    }

    /** A column that uses the type now and still has the same type afterwards (so it is converted, not replaced). */
    record ColumnUse(TableDef table, ColumnDef have, ColumnDef want) {
    }

    static List<ColumnUse> keptColumns(String typeId, SchemaModel current, SchemaModel desired, Set<String> dropped) {
        List<ColumnUse> out = new ArrayList<>();
        for (TableDef t : current.tables()) {
            if (dropped.contains(t.id()) || !(desired.objects().get(t.id()) instanceof TableDef wt)) {
                continue;
            }
            TableDef parent = t.partitionOf() == null ? null
                    : current.objects().get("table:" + t.partitionOf()) instanceof TableDef p ? p : null;
            for (ColumnDef c : t.columns()) {
                if (!c.typeDeps().contains(typeId) || parent != null && parent.column(c.name()).isPresent()) {
                    continue; // a partition's inherited columns follow its parent
                }
                ColumnDef w = wt.column(c.name()).orElse(null);
                if (w != null && w.type().equals(c.type()) && Objects.equals(w.generated(), c.generated())) {
                    out.add(new ColumnUse(t, c, w));
                }
            }
        }
        return out;
    }

    /**
     * A domain, composite or range type over the enum that table columns keep using cannot be recreated around
     * the swap (its columns would have to be converted too): refuse, naming both.
     */
    private static void refuseTypesOverIt(EnumDef from, SchemaModel current, SchemaModel desired, Set<String> dropped) {
        for (String user : current.dependents(from.id())) {
            DbObject o = current.objects().get(user);
            if (!(o instanceof DomainDef || o instanceof CompositeTypeDef || o instanceof RangeTypeDef)) {
                continue;
            }
            List<ColumnUse> uses = keptColumns(user, current, desired, dropped);
            if (!uses.isEmpty()) {
                ColumnUse u = uses.get(0);
                throw new EngineException(EngineException.Code.UNSUPPORTED_OBJECT, "enum " + from.name()
                        + ": removing or reordering values replaces the type, but " + o.describe() + " depends on it and column "
                        + u.table().name() + "." + u.have().name() + " uses that; this is not supported (change the column first)");
            }
        }
    }

    private static boolean usesConverted(TableDef t, ConstraintDef k, Set<String> converted) {
        List<String> local = k.foreignKeyColumns();
        List<String> referenced = k.referencedColumns();
        if (local == null || referenced == null) {
            return true; // unknown shape: dropping and adding it again is always safe
        }
        return local.stream().anyMatch(c -> converted.contains(t.name() + "." + c))
                || referenced.stream().anyMatch(c -> converted.contains(k.references() + "." + c));
    }

    private static boolean alreadyDropped(TableDef t, ConstraintDef k, List<Change> changes) {
        return changes.stream().anyMatch(c -> c instanceof Change.DropConstraint d && d.table().name().equals(t.name())
                && d.constraint().name().equals(k.name()));
    }
}
