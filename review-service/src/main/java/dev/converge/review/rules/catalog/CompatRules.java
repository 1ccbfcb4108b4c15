package dev.converge.review.rules.catalog;

import static dev.converge.common.events.Severity.ERROR;
import static dev.converge.common.events.Severity.WARNING;

import dev.converge.review.rules.Hits;
import dev.converge.review.rules.ReviewContext;
import dev.converge.review.rules.Rule;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.QualifiedName;
import dev.converge.review.rules.sql.SqlLexer;
import dev.converge.review.rules.sql.Token;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Backward compatibility: changes that break application code still running against the old schema. */
final class CompatRules {
    private CompatRules() {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("compat.rename-column", WARNING,
                        "Renaming a column breaks every running application version that still uses the old name.",
                        CompatRules::renameColumn),
                new Rule("compat.rename-table", WARNING,
                        "Renaming a table breaks every running application version that still uses the old name.",
                        CompatRules::renameTable),
                new Rule("compat.drop-used-by-view", ERROR,
                        "Dropping a table or column a view reads breaks the view (or needs CASCADE, which drops it).",
                        CompatRules::dropUsedByView),
                new Rule("compat.drop-view", WARNING,
                        "Dropping a view breaks the clients and reports that query it.",
                        CompatRules::dropView));
    }

    private static void renameColumn(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Action<AlterAction.RenameColumn> a : ctx.actions(AlterAction.RenameColumn.class)) {
            hits.add(a.statement().index(), a.table(), "column " + a.table() + "." + a.action().from() + " is renamed to "
                    + a.action().to(), "add the new column, write both, migrate readers, then drop the old one");
        }
    }

    private static void renameTable(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Action<AlterAction.RenameTable> a : ctx.actions(AlterAction.RenameTable.class)) {
            hits.add(a.statement().index(), a.table(), "table " + a.table() + " is renamed to " + a.action().to(),
                    "rename it and leave a view with the old name until every reader moved");
        }
    }

    private static void dropUsedByView(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Statement<Ddl.Drop> s : ctx.ddl(Ddl.Drop.class)) {
            if (s.ddl().objectType().equals("TABLE")) {
                for (QualifiedName table : s.ddl().names()) {
                    report(ctx, hits, s.index(), table, null);
                }
            }
        }
        for (ReviewContext.Action<AlterAction.DropColumn> a : ctx.actions(AlterAction.DropColumn.class)) {
            report(ctx, hits, a.statement().index(), a.table(), a.action().column());
        }
    }

    /** Views reading the dropped object: on the target (when reachable) and in the desired schema. */
    private static void report(ReviewContext ctx, Hits hits, int index, QualifiedName table, String column) {
        Set<QualifiedName> views = new LinkedHashSet<>();
        for (Ddl.CreateView v : ctx.desired().views()) {
            if (v.tables().contains(table) && (column == null || mentions(v.query(), column))) {
                views.add(v.view());
            }
        }
        if (ctx.probe() != null) {
            try {
                views.addAll(ctx.probe().viewsReading(table, column));
            } catch (Exception e) {
                ctx.notice("compat.drop-used-by-view: could not read view dependencies of " + table + " on the target: "
                        + e.getMessage());
            }
        }
        views.removeAll(droppedBefore(ctx, index));
        String what = column == null ? "table " + table : "column " + table + "." + column;
        for (QualifiedName v : views) {
            hits.add(index, table, what + " is dropped but view " + v + " reads it", "change or drop the view first");
        }
    }

    private static Set<QualifiedName> droppedBefore(ReviewContext ctx, int index) {
        Set<QualifiedName> out = new LinkedHashSet<>();
        ctx.ddl(Ddl.Drop.class).stream().filter(d -> d.index() < index && d.ddl().objectType().endsWith("VIEW"))
                .forEach(d -> out.addAll(d.ddl().names()));
        return out;
    }

    private static boolean mentions(String query, String identifier) {
        for (Token t : SqlLexer.tokenize(query)) {
            if (t.isIdentifier() && t.text().equals(identifier)) {
                return true;
            }
        }
        return false;
    }

    private static void dropView(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Statement<Ddl.Drop> s : ctx.ddl(Ddl.Drop.class)) {
            if (!s.ddl().objectType().endsWith("VIEW")) {
                continue;
            }
            for (QualifiedName view : s.ddl().names()) {
                boolean recreated = ctx.ddl(Ddl.CreateView.class).stream().anyMatch(c -> c.ddl().view().equals(view));
                hits.add(s.index(), view, s.ddl().objectType().toLowerCase() + " " + view + " is dropped"
                                + (recreated ? " and recreated; queries fail in between" : ""),
                        recreated ? "use CREATE OR REPLACE VIEW when the columns allow it" : "make sure nothing queries it");
            }
        }
    }
}
