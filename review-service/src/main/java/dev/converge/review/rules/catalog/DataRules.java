package dev.converge.review.rules.catalog;

import static dev.converge.common.events.Severity.ERROR;

import dev.converge.review.rules.DesiredSchema;
import dev.converge.review.rules.Hits;
import dev.converge.review.rules.ReviewContext;
import dev.converge.review.rules.Rule;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.ConstraintDef;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Data-aware pre-checks: before a constraint is added to an existing table, count the rows on the target that
 * would make it fail. Queries run through {@link dev.converge.review.rules.TargetProbe} (read-only, time-limited);
 * without a probe, or when a query fails, the check says so in a notice instead of guessing.
 */
final class DataRules {
    private DataRules() {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("data.not-null-violations", ERROR,
                        "SET NOT NULL (or a new primary key) fails if the target has NULLs in the column.",
                        DataRules::notNull),
                new Rule("data.unique-violations", ERROR,
                        "A new UNIQUE constraint, unique index or primary key fails if the target has duplicates.",
                        DataRules::unique),
                new Rule("data.check-violations", ERROR,
                        "A new CHECK constraint fails validation if target rows violate it.",
                        DataRules::check),
                new Rule("data.fk-violations", ERROR,
                        "A new foreign key fails validation if target rows reference missing rows.",
                        DataRules::foreignKey));
    }

    private static void notNull(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Action<AlterAction.SetNotNull> a : ctx.actions(AlterAction.SetNotNull.class)) {
            if (ctx.isExisting(a.table())) {
                countNulls(ctx, hits, a.statement().index(), a.table(), a.action().column(), "data.not-null-violations");
            }
        }
        for (ReviewContext.AddedConstraint c : ctx.addedConstraints()) {
            if (!c.newTable() && c.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY && Sql.plainColumns(c.constraint().columns())
                    && !addedInSameStatement(c)) {
                for (String col : c.constraint().columns()) {
                    countNulls(ctx, hits, c.statement().index(), c.table(), col, "data.not-null-violations");
                }
            }
        }
    }

    private static void countNulls(ReviewContext ctx, Hits hits, int index, QualifiedName table, String column, String rule) {
        String sql = "SELECT count(*) FROM " + Sql.table(table) + " WHERE " + Sql.ident(column) + " IS NULL";
        Long n = count(ctx, rule, table + "." + column, sql);
        if (n != null && n > 0) {
            hits.add(index, table, n + " row(s) of " + table + " have NULL in " + column + " on the target; "
                    + "making it NOT NULL will fail", "backfill them first: UPDATE " + table + " SET " + column
                    + " = ... WHERE " + column + " IS NULL");
        }
    }

    private static void unique(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedConstraint c : ctx.addedConstraints()) {
            ConstraintDef k = c.constraint();
            if (!c.newTable() && (k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                    && Sql.plainColumns(k.columns()) && !addedInSameStatement(c)) {
                countDuplicates(ctx, hits, c.statement().index(), c.table(), k.columns());
            }
        }
        for (ReviewContext.Statement<Ddl.CreateIndex> s : ctx.ddl(Ddl.CreateIndex.class)) {
            Ddl.CreateIndex ci = s.ddl();
            if (ci.unique() && !ci.partial() && ctx.isExisting(ci.table()) && Sql.plainColumns(ci.columns())) {
                countDuplicates(ctx, hits, s.index(), ci.table(), ci.columns());
            }
        }
    }

    private static void countDuplicates(ReviewContext ctx, Hits hits, int index, QualifiedName table, List<String> cols) {
        String notNull = cols.stream().map(c -> Sql.ident(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String sql = "SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM " + Sql.table(table) + " WHERE "
                + notNull + " GROUP BY " + Sql.columns(cols, null) + " HAVING count(*) > 1) AS duplicates";
        Long n = count(ctx, "data.unique-violations", table + cols.toString(), sql);
        if (n != null && n > 0) {
            hits.add(index, table, n + " row(s) of " + table + " share a value of " + cols
                    + " with another row on the target; the unique constraint will fail", "remove or fix the duplicates first");
        }
    }

    private static void check(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedConstraint c : ctx.addedConstraints()) {
            ConstraintDef k = c.constraint();
            if (c.newTable() || k.kind() != ConstraintDef.Kind.CHECK || k.expression() == null || k.expression().isBlank()
                    || addedInSameStatement(c)) {
                continue;
            }
            if (k.notValid() && !validatedLater(ctx, c.table(), k.name(), c.statement().index())) {
                continue; // existing rows are not checked at all
            }
            String sql = "SELECT count(*) FROM " + Sql.table(c.table()) + " WHERE NOT (" + k.expression() + ")";
            Long n = count(ctx, "data.check-violations", c.table() + " CHECK (" + k.expression() + ")", sql);
            if (n != null && n > 0) {
                hits.add(c.statement().index(), c.table(), n + " row(s) of " + c.table() + " violate CHECK ("
                        + k.expression() + ") on the target; validation will fail", "fix those rows first");
            }
        }
    }

    private static void foreignKey(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedConstraint c : ctx.addedConstraints()) {
            ConstraintDef k = c.constraint();
            if (c.newTable() || k.kind() != ConstraintDef.Kind.FOREIGN_KEY || !Sql.plainColumns(k.columns())
                    || addedInSameStatement(c) || !ctx.isExisting(k.refTable())) {
                continue;
            }
            if (k.notValid() && !validatedLater(ctx, c.table(), k.name(), c.statement().index())) {
                continue;
            }
            List<String> refCols = k.refColumns();
            if (refCols.isEmpty()) {
                DesiredSchema.Table ref = ctx.desired().table(k.refTable());
                refCols = ref == null ? List.of() : ref.primaryKey();
            }
            if (refCols.size() != k.columns().size()) {
                continue;
            }
            StringBuilder join = new StringBuilder();
            for (int i = 0; i < refCols.size(); i++) {
                join.append(i == 0 ? "" : " AND ").append("p.").append(Sql.ident(refCols.get(i))).append(" = c.")
                        .append(Sql.ident(k.columns().get(i)));
            }
            String notNull = k.columns().stream().map(col -> "c." + Sql.ident(col) + " IS NOT NULL")
                    .collect(Collectors.joining(" AND "));
            String sql = "SELECT count(*) FROM " + Sql.table(c.table()) + " AS c WHERE " + notNull
                    + " AND NOT EXISTS (SELECT 1 FROM " + Sql.table(k.refTable()) + " AS p WHERE " + join + ")";
            Long n = count(ctx, "data.fk-violations", c.table() + k.columns().toString(), sql);
            if (n != null && n > 0) {
                hits.add(c.statement().index(), c.table(), n + " row(s) of " + c.table() + " reference missing rows of "
                        + k.refTable() + " on the target; the foreign key will fail", "delete or fix the orphans first");
            }
        }
    }

    /** A constraint on a column added by the same ALTER TABLE has no existing values to check. */
    private static boolean addedInSameStatement(ReviewContext.AddedConstraint c) {
        return c.statement().ddl() instanceof Ddl.AlterTable at && at.actions().stream().anyMatch(a ->
                a instanceof AlterAction.AddColumn add && c.constraint().columns().contains(add.column().name()));
    }

    private static boolean validatedLater(ReviewContext ctx, QualifiedName table, String name, int index) {
        return name != null && ctx.actions(AlterAction.ValidateConstraint.class).stream().anyMatch(v ->
                v.table().equals(table) && v.action().name().equals(name) && v.statement().index() > index);
    }

    /** Runs a count on the target; null (and a notice) when there is no probe or the query failed. */
    private static Long count(ReviewContext ctx, String rule, String what, String sql) {
        if (ctx.probe() == null) {
            ctx.notice(rule + ": pre-check on " + what + " skipped: no connection to the target");
            return null;
        }
        try {
            return ctx.probe().count(sql);
        } catch (Exception e) {
            ctx.notice(rule + ": pre-check on " + what + " did not finish: " + e.getMessage());
            return null;
        }
    }
}
