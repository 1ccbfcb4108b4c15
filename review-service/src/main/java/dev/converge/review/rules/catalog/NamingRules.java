package dev.converge.review.rules.catalog;

import static dev.converge.common.events.Severity.ERROR;
import static dev.converge.common.events.Severity.WARNING;

import dev.converge.review.rules.Hits;
import dev.converge.review.rules.ReviewContext;
import dev.converge.review.rules.Rule;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.ConstraintDef;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Names of new or renamed tables, columns, indexes and constraints. */
final class NamingRules {
    /** Words that need quoting as identifiers in PostgreSQL (reserved, or reserved with qualifications). */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "between", "binary", "both", "case", "cast", "check", "collate", "collation",
            "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default",
            "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign",
            "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
            "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user",
            "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true",
            "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with");

    private NamingRules() {
    }

    /** A name introduced by the plan, with what it names. */
    private record NewName(int statement, QualifiedName table, String kind, String name) {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("naming.table-snake-case", WARNING,
                        "Table names follow one convention (snake_case by default) so nobody has to quote them.",
                        (ctx, hits) -> pattern(ctx, hits, "table", ctx.config().naming().table())),
                new Rule("naming.column-snake-case", WARNING,
                        "Column names follow one convention (snake_case by default) so nobody has to quote them.",
                        (ctx, hits) -> pattern(ctx, hits, "column", ctx.config().naming().column())),
                new Rule("naming.index-pattern", WARNING,
                        "Index names follow the configured pattern so their purpose is readable in plans and errors.",
                        (ctx, hits) -> pattern(ctx, hits, "index", ctx.config().naming().index())),
                new Rule("naming.constraint-pattern", WARNING,
                        "Constraint names follow the configured pattern so violations name the rule clearly.",
                        (ctx, hits) -> pattern(ctx, hits, "constraint", ctx.config().naming().constraint())),
                new Rule("naming.reserved-word", WARNING,
                        "A reserved SQL word as a name must be quoted in every query that uses it.",
                        NamingRules::reservedWords),
                new Rule("naming.identifier-too-long", ERROR,
                        "PostgreSQL silently truncates identifiers longer than 63 bytes, so two names can collide.",
                        NamingRules::tooLong));
    }

    private static List<NewName> newNames(ReviewContext ctx) {
        List<NewName> out = new ArrayList<>();
        for (ReviewContext.Statement<Ddl.CreateTable> s : ctx.ddl(Ddl.CreateTable.class)) {
            QualifiedName t = s.ddl().table();
            out.add(new NewName(s.index(), t, "table", t.name()));
            s.ddl().constraints().stream().filter(c -> c.name() != null)
                    .forEach(c -> out.add(new NewName(s.index(), t, "constraint", c.name())));
        }
        for (ReviewContext.AddedColumn c : ctx.addedColumns()) {
            out.add(new NewName(c.statement().index(), c.table(), "column", c.planned().name()));
            c.planned().constraints().stream().filter(k -> k.name() != null)
                    .forEach(k -> out.add(new NewName(c.statement().index(), c.table(), "constraint", k.name())));
        }
        for (ReviewContext.Action<AlterAction.AddConstraint> a : ctx.actions(AlterAction.AddConstraint.class)) {
            ConstraintDef c = a.action().constraint();
            if (c.name() != null) {
                out.add(new NewName(a.statement().index(), a.table(), "constraint", c.name()));
            }
        }
        for (ReviewContext.Action<AlterAction.RenameTable> a : ctx.actions(AlterAction.RenameTable.class)) {
            out.add(new NewName(a.statement().index(), a.table(), "table", a.action().to()));
        }
        for (ReviewContext.Action<AlterAction.RenameColumn> a : ctx.actions(AlterAction.RenameColumn.class)) {
            out.add(new NewName(a.statement().index(), a.table(), "column", a.action().to()));
        }
        for (ReviewContext.Action<AlterAction.RenameConstraint> a : ctx.actions(AlterAction.RenameConstraint.class)) {
            out.add(new NewName(a.statement().index(), a.table(), "constraint", a.action().to()));
        }
        for (ReviewContext.Statement<Ddl.CreateIndex> s : ctx.ddl(Ddl.CreateIndex.class)) {
            if (s.ddl().index() != null) {
                out.add(new NewName(s.index(), s.ddl().table(), "index", s.ddl().index().name()));
            }
        }
        for (ReviewContext.Statement<Ddl.Rename> s : ctx.ddl(Ddl.Rename.class)) {
            if (s.ddl().objectType().equals("INDEX")) {
                out.add(new NewName(s.index(), null, "index", s.ddl().to()));
            }
        }
        return out;
    }

    private static void pattern(ReviewContext ctx, Hits hits, String kind, Pattern pattern) {
        for (NewName n : newNames(ctx)) {
            if (n.kind().equals(kind) && !pattern.matcher(n.name()).find()) {
                String where = n.kind().equals("table") || n.table() == null ? "" : " on " + n.table();
                hits.add(n.statement(), n.table(), kind + " name \"" + n.name() + "\"" + where
                        + " does not match " + pattern.pattern(), "rename it, e.g. " + snakeCase(n.name()));
            }
        }
    }

    private static void reservedWords(ReviewContext ctx, Hits hits) {
        for (NewName n : newNames(ctx)) {
            if ((n.kind().equals("table") || n.kind().equals("column")) && RESERVED.contains(n.name())) {
                hits.add(n.statement(), n.table(), n.kind() + " name \"" + n.name() + "\" is a reserved SQL word",
                        "choose another name, e.g. " + n.name() + "_name");
            }
        }
    }

    private static void tooLong(ReviewContext ctx, Hits hits) {
        for (NewName n : newNames(ctx)) {
            int bytes = n.name().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > 63) {
                hits.add(n.statement(), n.table(), n.kind() + " name \"" + n.name() + "\" has " + bytes
                        + " bytes; PostgreSQL keeps only the first 63", "shorten it to at most 63 bytes");
            }
        }
    }

    /** {@code fakeTable} → {@code fake_table}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toLowerCase();
    }
}
