package dev.converge.review.rules.sql;

import java.util.List;

/**
 * A table constraint, declared inline on a column or at table level.
 *
 * @param name       constraint name, null when PostgreSQL picks one
 * @param columns    constrained columns (for CHECK: empty unless declared on a column)
 * @param refTable   referenced table of a foreign key
 * @param expression CHECK expression text
 * @param notValid   declared {@code NOT VALID}
 * @param usingIndex index named by {@code ... USING INDEX}, else null
 */
public record ConstraintDef(String name, Kind kind, List<String> columns, QualifiedName refTable, List<String> refColumns,
                            String expression, boolean notValid, String usingIndex) {
    public enum Kind {
        PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, NOT_NULL
    }

    public ConstraintDef {
        columns = List.copyOf(columns);
        refColumns = refColumns == null ? List.of() : List.copyOf(refColumns);
    }
}
