package dev.converge.review.rules.sql;

/**
 * A schema-qualified object name as PostgreSQL resolves it: unqualified names are taken to be in {@code public}
 * (the default search_path), unquoted identifiers are already folded to lower case by the lexer.
 */
public record QualifiedName(String schema, String name) {
    public static final String DEFAULT_SCHEMA = "public";

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema == null ? DEFAULT_SCHEMA : schema, name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
