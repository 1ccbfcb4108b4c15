package dev.converge.review.rules.catalog;

import static dev.converge.common.events.Severity.ERROR;
import static dev.converge.common.events.Severity.INFO;
import static dev.converge.common.events.Severity.WARNING;

import dev.converge.review.rules.DesiredSchema;
import dev.converge.review.rules.Hits;
import dev.converge.review.rules.ReviewContext;
import dev.converge.review.rules.Rule;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.ConstraintDef;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/** Table-level structure of the tables a plan creates or changes. */
final class TableRules {
    private TableRules() {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("table.require-primary-key", ERROR,
                        "Without a primary key rows cannot be addressed reliably, and logical replication cannot update them.",
                        TableRules::primaryKey),
                new Rule("table.fk-columns-indexed", WARNING,
                        "An unindexed foreign key makes deletes on the referenced table scan the referencing table.",
                        TableRules::foreignKeyIndexed),
                new Rule("table.require-comment", INFO,
                        "A table comment tells the next reader what the table holds; it costs one line.",
                        TableRules::comment),
                new Rule("table.unlogged", WARNING,
                        "An UNLOGGED table is emptied after a crash and is not replicated to standbys.",
                        TableRules::unlogged));
    }

    private static void primaryKey(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Statement<Ddl.CreateTable> s : ctx.ddl(Ddl.CreateTable.class)) {
            Ddl.CreateTable ct = s.ddl();
            if (ct.partition()) {
                continue;
            }
            boolean inPlan = s.ddl().constraints().stream().anyMatch(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                    || ct.columns().stream().anyMatch(c -> c.isPrimaryKey())
                    || ctx.actions(AlterAction.AddConstraint.class).stream().anyMatch(a -> a.table().equals(ct.table())
                    && a.action().constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY);
            DesiredSchema.Table declared = ctx.desired().table(ct.table());
            boolean inFiles = declared != null && !declared.primaryKey().isEmpty();
            if (!inPlan && !inFiles) {
                hits.add(s.index(), ct.table(), "table " + ct.table() + " has no primary key",
                        "add a primary key, e.g. id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
            }
        }
    }

    private static void foreignKeyIndexed(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedConstraint c : ctx.addedConstraints()) {
            ConstraintDef fk = c.constraint();
            if (fk.kind() != ConstraintDef.Kind.FOREIGN_KEY || fk.columns().isEmpty()) {
                continue;
            }
            if (!leadingColumnsIndexed(ctx, c.table(), fk.columns())) {
                hits.add(c.statement().index(), c.table(), "foreign key " + (fk.name() == null ? "" : fk.name() + " ")
                        + "on " + c.table() + fk.columns() + " has no index starting with its columns",
                        "CREATE INDEX CONCURRENTLY ON " + c.table() + " (" + String.join(", ", fk.columns()) + ")");
            }
        }
    }

    /** True when an index, primary key or unique constraint (in the files or the plan) starts with the columns. */
    static boolean leadingColumnsIndexed(ReviewContext ctx, QualifiedName table, List<String> columns) {
        List<List<String>> keys = new ArrayList<>();
        DesiredSchema.Table t = ctx.desired().table(table);
        if (t != null) {
            t.indexes().stream().filter(i -> !i.partial()).forEach(i -> keys.add(i.columns()));
            t.constraints().stream().filter(k -> k.kind() == ConstraintDef.Kind.PRIMARY_KEY
                    || k.kind() == ConstraintDef.Kind.UNIQUE).forEach(k -> keys.add(k.columns()));
        }
        ctx.ddl(Ddl.CreateIndex.class).stream().filter(i -> i.ddl().table().equals(table) && !i.ddl().partial())
                .forEach(i -> keys.add(i.ddl().columns()));
        ctx.addedConstraints().stream().filter(k -> k.table().equals(table)
                        && (k.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY || k.constraint().kind() == ConstraintDef.Kind.UNIQUE))
                .forEach(k -> keys.add(k.constraint().columns()));
        for (List<String> key : keys) {
            if (key.size() >= columns.size() && key.subList(0, columns.size()).containsAll(columns)) {
                return true;
            }
        }
        return false;
    }

    private static void comment(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Statement<Ddl.CreateTable> s : ctx.ddl(Ddl.CreateTable.class)) {
            QualifiedName table = s.ddl().table();
            DesiredSchema.Table declared = ctx.desired().table(table);
            boolean inPlan = ctx.ddl(Ddl.CommentOn.class).stream().anyMatch(c -> c.ddl().objectType().equals("TABLE")
                    && c.ddl().object().equals(table) && c.ddl().comment() != null);
            if (!inPlan && (declared == null || !declared.commented())) {
                hits.add(s.index(), table, "table " + table + " has no comment",
                        "COMMENT ON TABLE " + table + " IS '<what one row means>';");
            }
        }
    }

    private static void unlogged(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Statement<Ddl.CreateTable> s : ctx.ddl(Ddl.CreateTable.class)) {
            if (s.ddl().unlogged()) {
                hits.add(s.index(), s.ddl().table(), "table " + s.ddl().table() + " is UNLOGGED",
                        "create it as a regular table unless its content can be rebuilt at any time");
            }
        }
        for (ReviewContext.Action<AlterAction.Rewrite> a : ctx.actions(AlterAction.Rewrite.class)) {
            if (a.statement().sql().toLowerCase().contains("set unlogged")) {
                hits.add(a.statement().index(), a.table(), "table " + a.table() + " becomes UNLOGGED",
                        "keep it logged unless its content can be rebuilt at any time");
            }
        }
    }
}
