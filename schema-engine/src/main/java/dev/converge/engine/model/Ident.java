package dev.converge.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Identifier quoting the way PostgreSQL's {@code quote_ident} does it, and the reverse. */
public final class Ident {
    private static final Set<String> KEYWORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
            "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint",
            "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from",
            "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
            "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least",
            "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none",
            "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out",
            "outer", "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references",
            "returning", "right", "row", "select", "session_user", "setof", "similar", "smallint", "some",
            "substring", "symmetric", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
            "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when",
            "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
            "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private Ident() {
    }

    public static String quote(String ident) {
        if (ident.matches("[a-z_][a-z0-9_$]*") && !KEYWORDS.contains(ident)) {
            return ident;
        }
        return '"' + ident.replace("\"", "\"\"") + '"';
    }

    public static String literal(String text) {
        if (text == null) {
            return "NULL";
        }
        if (text.indexOf('\\') >= 0) {
            return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /** Splits a possibly qualified, possibly quoted name ({@code a."B c".d}) into its parts, unquoted. */
    public static List<String> parseQualified(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '.') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(Character.toLowerCase(ch));
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
