package dev.converge.engine.model;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table with its columns (in attnum order) and constraints.
 *
 * @param unlogged   {@code CREATE UNLOGGED TABLE}
 * @param reloptions storage parameters ({@code fillfactor=70}), sorted
 * @param partitionKey   {@code pg_get_partkeydef} of a partitioned table, else null
 * @param partitionOf    the parent of a partition, else null
 * @param partitionBound {@code FOR VALUES ...} of a partition, else null
 * @param deps       ids of functions and types its defaults and checks use (from pg_depend)
 * @param inherited  what a partition has from its parent (not part of the canonical form: it follows the parent)
 */
public record TableDef(QName name, boolean unlogged, List<ColumnDef> columns, List<ConstraintDef> constraints,
                       List<String> reloptions, boolean rowSecurity, boolean forceRowSecurity, String comment,
                       List<String> deps, String partitionKey, QName partitionOf, String partitionBound, Inherited inherited)
        implements DbObject {

    /**
     * A partition's constraints cloned from its parent and its indexes attached to the parent's: on DETACH
     * PARTITION they stay on the table as its own.
     */
    public record Inherited(List<ConstraintDef> constraints, List<IndexDef> indexes) {
        public static final Inherited NONE = new Inherited(List.of(), List.of());

        public Inherited {
            constraints = List.copyOf(constraints);
            indexes = List.copyOf(indexes);
        }
    }

    public TableDef(QName name, boolean unlogged, List<ColumnDef> columns, List<ConstraintDef> constraints,
                    List<String> reloptions, boolean rowSecurity, boolean forceRowSecurity, String comment,
                    List<String> deps) {
        this(name, unlogged, columns, constraints, reloptions, rowSecurity, forceRowSecurity, comment, deps, null, null, null,
                Inherited.NONE);
    }

    public TableDef withName(QName newName) {
        return new TableDef(newName, unlogged, columns, constraints, reloptions, rowSecurity, forceRowSecurity, comment,
                deps, partitionKey, partitionOf, partitionBound, inherited);
    }

    public TableDef withParts(List<ColumnDef> newColumns, List<ConstraintDef> newConstraints) {
        return new TableDef(name, unlogged, newColumns, newConstraints, reloptions, rowSecurity, forceRowSecurity, comment,
                deps, partitionKey, partitionOf, partitionBound, inherited);
    }

    public TableDef {
        inherited = inherited == null ? Inherited.NONE : inherited;
        deps = Deps.normalized(deps);
        columns = List.copyOf(columns);
        constraints = constraints.stream().sorted(Comparator.comparing(ConstraintDef::name)).toList();
        reloptions = reloptions.stream().sorted().toList();
    }

    @Override
    public String id() {
        return "table:" + name;
    }

    @Override
    public Set<String> dependsOn() {
        Set<String> deps = new HashSet<>();
        deps.add(DbObject.schemaId(name.schema()));
        deps.addAll(this.deps);
        if (partitionOf != null) {
            deps.add("table:" + partitionOf);
        }
        for (ColumnDef c : columns) {
            deps.addAll(c.typeDeps());
            deps.addAll(c.exprDeps());
        }
        return deps;
    }

    public Optional<ColumnDef> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<ConstraintDef> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    /** Column order is ignored: PostgreSQL cannot reorder columns without recreating the table. */
    @Override
    public String canonical() {
        return "table " + name + " unlogged=" + unlogged + " options=" + reloptions + " rls=" + rowSecurity + "/" + forceRowSecurity
                + " partition=" + partitionKey + "/" + partitionOf + "/" + partitionBound
                + " comment=" + comment
                + columns.stream().sorted(Comparator.comparing(ColumnDef::name)).map(c -> "\n  " + c.canonical())
                .collect(Collectors.joining())
                + constraints.stream().map(c -> "\n  " + c).collect(Collectors.joining());
    }
}
