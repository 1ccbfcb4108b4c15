package dev.converge.review.rules.catalog;

import static dev.converge.common.events.Severity.ERROR;
import static dev.converge.common.events.Severity.WARNING;

import dev.converge.review.rules.Hits;
import dev.converge.review.rules.PlanStatement;
import dev.converge.review.rules.ReviewContext;
import dev.converge.review.rules.Rule;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.ConstraintDef;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.QualifiedName;
import java.util.List;
import java.util.Locale;

/** Online safety: statements that block reads or writes on tables already in use. */
final class LockingRules {
    private LockingRules() {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("locking.index-not-concurrent", WARNING,
                        "CREATE INDEX without CONCURRENTLY blocks all writes to the table while the index builds.",
                        LockingRules::indexNotConcurrent),
                new Rule("locking.drop-index-not-concurrent", WARNING,
                        "DROP INDEX without CONCURRENTLY waits for, and then blocks, every query on the table.",
                        LockingRules::dropIndexNotConcurrent),
                new Rule("locking.fk-not-valid", WARNING,
                        "Adding a foreign key validates all rows while holding locks on both tables; NOT VALID defers that.",
                        (ctx, hits) -> notValid(ctx, hits, ConstraintDef.Kind.FOREIGN_KEY, "foreign key")),
                new Rule("locking.check-not-valid", WARNING,
                        "Adding a CHECK scans the table under an ACCESS EXCLUSIVE lock; NOT VALID then VALIDATE does not block.",
                        (ctx, hits) -> notValid(ctx, hits, ConstraintDef.Kind.CHECK, "check constraint")),
                new Rule("locking.set-not-null", WARNING,
                        "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock unless a validated CHECK proves it.",
                        LockingRules::setNotNull),
                new Rule("locking.unique-without-index", WARNING,
                        "Adding a UNIQUE or PRIMARY KEY constraint builds its index under an ACCESS EXCLUSIVE lock.",
                        LockingRules::uniqueWithoutIndex),
                new Rule("locking.lock-timeout", WARNING,
                        "Without lock_timeout a DDL statement queued behind a long transaction blocks every query behind it.",
                        LockingRules::lockTimeout),
                new Rule("locking.table-rewrite", WARNING,
                        "A table rewrite holds an ACCESS EXCLUSIVE lock for as long as copying the table takes.",
                        LockingRules::tableRewrite),
                new Rule("locking.concurrently-in-transaction", ERROR,
                        "CONCURRENTLY statements fail inside a transaction block.",
                        LockingRules::concurrentlyInTransaction));
    }

    private static void indexNotConcurrent(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Statement<Ddl.CreateIndex> s : ctx.ddl(Ddl.CreateIndex.class)) {
            if (!s.ddl().concurrently() && ctx.isExisting(s.ddl().table())) {
                hits.add(s.index(), s.ddl().table(), "index " + name(s.ddl().index()) + " on existing table "
                        + s.ddl().table() + " is built without CONCURRENTLY", "use CREATE INDEX CONCURRENTLY "
                        + "(outside a transaction)");
            }
        }
    }

    private static String name(QualifiedName n) {
        return n == null ? "(unnamed)" : n.name();
    }

    private static void dropIndexNotConcurrent(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Statement<Ddl.Drop> s : ctx.ddl(Ddl.Drop.class)) {
            if (s.ddl().objectType().equals("INDEX") && !s.ddl().concurrently()) {
                hits.add(s.index(), null, "DROP INDEX " + s.ddl().names() + " without CONCURRENTLY",
                        "use DROP INDEX CONCURRENTLY (outside a transaction)");
            }
        }
    }

    private static void notValid(ReviewContext ctx, Hits hits, ConstraintDef.Kind kind, String what) {
        for (ReviewContext.AddedConstraint c : ctx.addedConstraints()) {
            if (c.newTable() || c.constraint().kind() != kind || c.constraint().notValid()) {
                continue;
            }
            if (c.statement().ddl() instanceof Ddl.AlterTable at
                    && at.actions().stream().anyMatch(a -> a instanceof AlterAction.AddColumn)
                    && c.constraint().columns().size() == 1 && addsColumn(at, c.constraint().columns().get(0))) {
                continue; // a constraint on a column added in the same statement has no rows to check
            }
            hits.add(c.statement().index(), c.table(), what + " " + (c.constraint().name() == null ? "" : c.constraint().name() + " ")
                            + "is added to existing table " + c.table() + " without NOT VALID",
                    "ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a separate statement");
        }
    }

    private static boolean addsColumn(Ddl.AlterTable at, String column) {
        return at.actions().stream().anyMatch(a -> a instanceof AlterAction.AddColumn add && add.column().name().equals(column));
    }

    private static void setNotNull(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Action<AlterAction.SetNotNull> a : ctx.actions(AlterAction.SetNotNull.class)) {
            if (!ctx.isExisting(a.table())) {
                continue;
            }
            String col = a.action().column();
            int at = a.statement().index();
            boolean provenByCheck = ctx.actions(AlterAction.AddConstraint.class).stream().anyMatch(k ->
                    k.table().equals(a.table()) && k.statement().index() < at
                            && isNotNullCheck(k.action().constraint(), col)
                            && (!k.action().constraint().notValid() || validatedBefore(ctx, a.table(), k.action().constraint().name(), at)));
            if (!provenByCheck) {
                hits.add(a.statement().index(), a.table(), "SET NOT NULL on " + a.table() + "." + col
                        + " scans the table under an ACCESS EXCLUSIVE lock", "first ADD CONSTRAINT ... CHECK (" + col
                        + " IS NOT NULL) NOT VALID and VALIDATE it; then SET NOT NULL is instant");
            }
        }
    }

    private static boolean isNotNullCheck(ConstraintDef c, String column) {
        if (c.kind() != ConstraintDef.Kind.CHECK || c.expression() == null) {
            return false;
        }
        String e = c.expression().toLowerCase(Locale.ROOT).replace("\"", "").replaceAll("[()\\s]+", " ").trim();
        return e.equals(column.toLowerCase(Locale.ROOT) + " is not null");
    }

    private static boolean validatedBefore(ReviewContext ctx, QualifiedName table, String constraint, int index) {
        return constraint != null && ctx.actions(AlterAction.ValidateConstraint.class).stream().anyMatch(v ->
                v.table().equals(table) && v.action().name().equals(constraint) && v.statement().index() < index);
    }

    private static void uniqueWithoutIndex(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedConstraint c : ctx.addedConstraints()) {
            ConstraintDef k = c.constraint();
            if (!c.newTable() && (k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                    && k.usingIndex() == null) {
                hits.add(c.statement().index(), c.table(), (k.kind() == ConstraintDef.Kind.UNIQUE ? "UNIQUE" : "PRIMARY KEY")
                        + " constraint on existing table " + c.table() + " builds its index while blocking writes",
                        "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX");
            }
        }
    }

    private static void lockTimeout(ReviewContext ctx, Hits hits) {
        boolean sessionTimeout = false;
        for (PlanStatement s : ctx.statements()) {
            if (s.ddl() instanceof Ddl.SetParameter p && p.name().equals("lock_timeout")) {
                sessionTimeout = !p.value().equals("0");
                continue;
            }
            QualifiedName table = lockedExistingTable(ctx, s);
            if (table != null && s.planned().lockTimeoutMs() <= 0 && !sessionTimeout) {
                hits.add(s.index(), table, "statement " + s.index() + " locks existing table " + table
                        + " without a lock timeout", "give the statement a lock timeout (e.g. SET lock_timeout = '5s')");
            }
        }
    }

    /** The existing table a statement takes a strong lock on, or null. */
    private static QualifiedName lockedExistingTable(ReviewContext ctx, PlanStatement s) {
        QualifiedName table = null;
        if (s.ddl() instanceof Ddl.AlterTable at) {
            table = at.table();
        } else if (s.ddl() instanceof Ddl.CreateIndex ci && !ci.concurrently()) {
            table = ci.table();
        } else if (s.ddl() instanceof Ddl.Drop d && d.objectType().equals("TABLE") && !d.names().isEmpty()) {
            table = d.names().get(0);
        }
        return table != null && ctx.isExisting(table) ? table : null;
    }

    private static void tableRewrite(ReviewContext ctx, Hits hits) {
        for (PlanStatement s : ctx.statements()) {
            if (s.hasHazard("REWRITE")) {
                String msg = s.hazards().stream().filter(h -> h.code().toUpperCase(Locale.ROOT).contains("REWRITE"))
                        .map(h -> h.message() == null ? h.code() : h.message()).findFirst().orElse("rewrites the table");
                hits.add(s.index(), s.ddl() instanceof Ddl.AlterTable at ? at.table() : null,
                        "statement " + s.index() + " rewrites a table: " + msg,
                        "run it in a maintenance window, or restructure it as add-column + backfill");
            }
        }
        for (ReviewContext.Action<AlterAction.Rewrite> a : ctx.actions(AlterAction.Rewrite.class)) {
            if (!a.statement().hasHazard("REWRITE") && ctx.isExisting(a.table())) {
                hits.add(a.statement().index(), a.table(), a.action().what() + " rewrites table " + a.table(),
                        "run it in a maintenance window");
            }
        }
    }

    private static void concurrentlyInTransaction(ReviewContext ctx, Hits hits) {
        for (PlanStatement s : ctx.statements()) {
            boolean concurrently = s.ddl() instanceof Ddl.CreateIndex ci && ci.concurrently()
                    || s.ddl() instanceof Ddl.Drop d && d.concurrently()
                    || s.sql().toLowerCase(Locale.ROOT).matches("(?s)\\s*reindex\\b.*\\bconcurrently\\b.*");
            if (concurrently && s.planned().transactional()) {
                hits.add(s.index(), null, "statement " + s.index() + " uses CONCURRENTLY but is planned inside a transaction",
                        "mark it non-transactional so it runs on its own");
            }
        }
    }
}
