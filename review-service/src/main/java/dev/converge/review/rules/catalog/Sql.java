package dev.converge.review.rules.catalog;

import dev.converge.review.rules.sql.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting helpers for the queries the data-aware rules run. */
final class Sql {
    private Sql() {
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String table(QualifiedName t) {
        return ident(t.schema()) + "." + ident(t.name());
    }

    static String columns(List<String> cols, String alias) {
        return cols.stream().map(c -> (alias == null ? "" : alias + ".") + ident(c)).collect(Collectors.joining(", "));
    }

    /** True when every entry is a plain column name (not an expression). */
    static boolean plainColumns(List<String> cols) {
        return !cols.isEmpty() && cols.stream().noneMatch(c -> c.contains("(") || c.contains(" ") || c.contains("::"));
    }
}
