package dev.converge.engine.model;

import java.util.Set;

/**
 * A table column.
 *
 * @param type          {@code format_type(atttypid, atttypmod)}, qualified when not in pg_catalog
 * @param collation     {@code COLLATE} target when it differs from the type's default, else null
 * @param defaultExpr   {@code pg_get_expr} of the default (null when none or when generated)
 * @param identity      {@code ALWAYS}, {@code BY DEFAULT} or null
 * @param identitySequence name of the identity's sequence (null when not identity)
 * @param identityOptions  options of the identity's sequence (null when not identity)
 * @param generated     expression of a {@code GENERATED ALWAYS AS (...) STORED} column, else null
 * @param typeDeps      ids of user-defined types the column's type refers to
 * @param exprDeps      ids of objects its default refers to (sequences)
 */
public record ColumnDef(String name, String type, String collation, boolean notNull, String defaultExpr,
                        String identity, QName identitySequence, SequenceOptions identityOptions, String generated,
                        String comment, Set<String> typeDeps, Set<String> exprDeps) {
    public ColumnDef {
        typeDeps = Set.copyOf(typeDeps);
        exprDeps = Set.copyOf(exprDeps);
    }

    /** The column as it appears in CREATE TABLE / ADD COLUMN. */
    public String sql() {
        StringBuilder sb = new StringBuilder(Ident.quote(name)).append(' ').append(type);
        if (collation != null) {
            sb.append(" COLLATE ").append(collation);
        }
        if (generated != null) {
            sb.append(" GENERATED ALWAYS AS (").append(generated).append(") STORED");
        }
        if (defaultExpr != null) {
            sb.append(" DEFAULT ").append(defaultExpr);
        }
        if (notNull) {
            sb.append(" NOT NULL");
        }
        if (identity != null) {
            sb.append(" GENERATED ").append(identity).append(" AS IDENTITY (").append(identityClause()).append(')');
        }
        return sb.toString();
    }

    public String identityClause() {
        return "SEQUENCE NAME " + identitySequence.sql() + " " + identityOptions.identitySql();
    }

    /** Canonical text without the parts that may legitimately differ between equal schemas. */
    public String canonical() {
        return "column " + name + " " + type + " collate=" + collation + " notNull=" + notNull + " default=" + defaultExpr
                + " identity=" + identity + " " + identitySequence + " " + identityOptions + " generated=" + generated
                + " comment=" + comment;
    }
}
