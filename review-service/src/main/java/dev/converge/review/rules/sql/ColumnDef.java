package dev.converge.review.rules.sql;

import java.util.List;

/**
 * A column definition. {@code constraints} are the inline ones ({@code PRIMARY KEY}, {@code UNIQUE},
 * {@code REFERENCES}, {@code CHECK}), already rewritten to name this column.
 */
public record ColumnDef(String name, TypeName type, boolean notNull, String defaultExpression, boolean identity,
                        boolean generated, List<ConstraintDef> constraints) {
    public ColumnDef {
        constraints = List.copyOf(constraints);
    }

    public boolean hasDefault() {
        return defaultExpression != null || identity || generated;
    }

    public boolean isPrimaryKey() {
        return constraints.stream().anyMatch(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY);
    }
}
