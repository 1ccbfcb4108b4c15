package dev.converge.rollout.execution;

import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.rollout.service.TaskOutcome;
import dev.converge.rollout.service.TaskStatus;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Runs one task's plan on its target, safely and at most once:
 * <ol>
 * <li>takes a session advisory lock for the target database (one task at a time per database, across
 * processes);</li>
 * <li>consults {@code converge.converge_history}: a finished attempt is not run again, an interrupted one is
 * re-checked and continued after the last committed group;</li>
 * <li>compares the schema hash with the plan's base hash; on a mismatch the task is DRIFTED and nothing
 * runs;</li>
 * <li>runs consecutive transactional statements as one transaction with {@code SET LOCAL} timeouts, recording
 * progress in the same transaction; non-transactional statements run alone; lock timeouts (SQLSTATE 55P03) are
 * retried a bounded number of times;</li>
 * <li>introspects again and verifies the target reached the desired hash.</li>
 * </ol>
 * Blocking: call it on a worker thread.
 */
public class TaskExecutor {
    private static final Logger LOG = Logger.getLogger(TaskExecutor.class);
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Vertx vertx;
    private final SchemaProbe probe;
    private final int lockRetries;
    private final long retryBackoffMs;

    public TaskExecutor(Vertx vertx, SchemaProbe probe, int lockRetries, long retryBackoffMs) {
        this.vertx = vertx;
        this.probe = probe;
        this.lockRetries = lockRetries;
        this.retryBackoffMs = retryBackoffMs;
    }

    public TaskOutcome execute(ExecutionRequest request) {
        PgConnection conn;
        try {
            conn = Await.of(PgConnection.connect(vertx, request.target().connectOptions()));
        } catch (RuntimeException e) {
            return TaskOutcome.failed("cannot connect to " + request.target() + ": " + oneLine(e));
        }
        try {
            Await.of(conn.query("SELECT pg_advisory_lock(hashtext('converge.rollout'), hashtext(current_database()))").execute());
            TargetHistory.ensureTable(conn);
            return underLock(conn, request);
        } catch (RuntimeException e) {
            LOG.warnf("task %s on %s: %s", request.taskId(), request.target(), oneLine(e));
            return TaskOutcome.failed("execution on " + request.target().name() + " stopped: " + oneLine(e));
        } finally {
            // Closing the session releases the advisory lock too.
            try {
                Await.of(conn.close());
            } catch (RuntimeException ignored) {
                // the connection is gone already
            }
        }
    }

    private TaskOutcome underLock(PgConnection conn, ExecutionRequest r) {
        PlanComputed plan = r.plan();
        HistoryRow row = TargetHistory.find(conn, r);
        int start = 0;
        if (row != null && row.finished()) {
            return recorded(row);
        }
        if (row != null) {
            // Interrupted attempt (the service died while it ran). Groups commit together with their progress,
            // so statements_done is exact; only a non-transactional statement may have run without it.
            start = row.statementsDone();
            String hash = probe.hash(r.target());
            if (hash.equals(plan.desiredHash())) {
                String msg = "found already applied after an interruption (schema hash equals the desired hash)";
                TargetHistory.finish(conn, r, "SUCCEEDED", msg);
                return TaskOutcome.succeeded(msg);
            }
            if (start == 0 && !hash.equals(plan.baseHash())) {
                String msg = "interrupted before any group committed, and the schema now matches neither the plan's "
                        + "base nor its desired state: " + probe.explainDrift(r.target(), plan, hash);
                TargetHistory.finish(conn, r, "DRIFTED", msg);
                return TaskOutcome.drifted(msg);
            }
            LOG.infof("task %s on %s: resuming after %d committed statement(s)", r.taskId(), r.target().name(), start);
        } else {
            String hash = probe.hash(r.target());
            if (!hash.equals(plan.baseHash())) {
                String msg = "target " + r.target().name() + " drifted since the plan was computed; nothing ran. "
                        + probe.explainDrift(r.target(), plan, hash);
                TargetHistory.insert(conn, r, "DRIFTED", msg);
                return TaskOutcome.drifted(msg);
            }
            TargetHistory.insert(conn, r, HistoryRow.STARTED, null);
        }
        long began = System.nanoTime();
        for (StatementGroup group : StatementGroup.of(plan.statements(), start)) {
            String failure = runWithRetries(conn, r, group);
            if (failure != null) {
                TargetHistory.finish(conn, r, "FAILED", failure);
                return TaskOutcome.failed(failure);
            }
        }
        String after = probe.hash(r.target());
        if (!after.equals(plan.desiredHash())) {
            String msg = "all " + plan.statements().size() + " statement(s) ran but the target does not converge: "
                    + probe.explainDrift(r.target(), plan, after);
            TargetHistory.finish(conn, r, "FAILED", msg);
            return TaskOutcome.failed(msg);
        }
        String msg = "applied " + (plan.statements().size() - start) + " statement(s); schema converged to the desired hash";
        TargetHistory.finish(conn, r, "SUCCEEDED", msg);
        return new TaskOutcome(TaskStatus.SUCCEEDED, msg,
                Map.of("statements", String.valueOf(plan.statements().size()),
                        "applyMs", String.valueOf((System.nanoTime() - began) / 1_000_000)));
    }

    private static TaskOutcome recorded(HistoryRow row) {
        String msg = row.message() == null ? "recorded in converge_history" : row.message();
        return switch (row.outcome()) {
            case "SUCCEEDED" -> TaskOutcome.succeeded(msg);
            case "DRIFTED" -> TaskOutcome.drifted(msg);
            default -> TaskOutcome.failed(msg);
        };
    }

    /** Returns null when the group committed, else the failure message. */
    private String runWithRetries(PgConnection conn, ExecutionRequest r, StatementGroup group) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (group.transactional()) {
                    runTransaction(conn, r, group);
                } else {
                    runAlone(conn, r, group);
                }
                return null;
            } catch (StatementFailed e) {
                boolean lockTimeout = LOCK_NOT_AVAILABLE.equals(e.sqlState);
                if (lockTimeout && attempt <= lockRetries) {
                    LOG.infof("task %s on %s: lock timeout in %s, retry %d of %d", r.taskId(), r.target().name(),
                            group.describe(), attempt, lockRetries);
                    sleep(retryBackoffMs * attempt);
                    continue;
                }
                return "statement " + (e.index + 1) + " failed on " + r.target().name() + ": " + e.getMessage()
                        + (lockTimeout ? " (gave up after " + lockRetries + " retries)" : "")
                        + (group.transactional() ? "; " + group.describe() + " rolled back" : "")
                        + (group.from() > 0 ? "; statements 1-" + group.from() + " stay applied" : "")
                        + " | " + abbreviate(e.sql);
            }
        }
    }

    private void runTransaction(PgConnection conn, ExecutionRequest r, StatementGroup group) {
        Await.of(conn.query("BEGIN").execute());
        try {
            for (PlannedStatement s : group.statements()) {
                Await.of(conn.query(timeouts("SET LOCAL", s)).execute());
                execute(conn, s);
            }
            TargetHistory.progress(conn, r, group.to());
            Await.of(conn.query("COMMIT").execute());
        } catch (RuntimeException e) {
            try {
                Await.of(conn.query("ROLLBACK").execute());
            } catch (RuntimeException ignored) {
                // the server already ended the transaction
            }
            throw e;
        }
    }

    private void runAlone(PgConnection conn, ExecutionRequest r, StatementGroup group) {
        PlannedStatement s = group.statements().get(0);
        Await.of(conn.query(timeouts("SET", s)).execute());
        try {
            execute(conn, s);
        } finally {
            Await.of(conn.query("RESET lock_timeout; RESET statement_timeout").execute());
        }
        TargetHistory.progress(conn, r, group.to());
    }

    private static void execute(PgConnection conn, PlannedStatement s) {
        try {
            Await.of(conn.query(s.sql()).execute());
        } catch (PgException e) {
            throw new StatementFailed(s, e);
        }
    }

    /** Both settings in one round trip; 0 means "no limit". Numbers only, so no quoting issue. */
    static String timeouts(String set, PlannedStatement s) {
        return set + " lock_timeout = '" + Math.max(0, s.lockTimeoutMs()) + "ms'; "
                + set + " statement_timeout = '" + Math.max(0, s.statementTimeoutMs()) + "ms'";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    private static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ").trim();
        return one.length() <= 200 ? one : one.substring(0, 197) + "...";
    }

    /** A plan statement PostgreSQL refused, with its SQLSTATE and PostgreSQL's own message. */
    static final class StatementFailed extends RuntimeException {
        final int index;
        final String sql;
        final String sqlState;

        StatementFailed(PlannedStatement s, PgException e) {
            super(pgMessage(e));
            this.index = s.index();
            this.sql = s.sql();
            this.sqlState = e.getSqlState();
        }

        private static String pgMessage(PgException e) {
            StringBuilder sb = new StringBuilder(e.getSeverity() == null ? "ERROR" : e.getSeverity())
                    .append(": ").append(e.getErrorMessage());
            if (e.getDetail() != null) {
                sb.append(" DETAIL: ").append(e.getDetail());
            }
            if (e.getHint() != null) {
                sb.append(" HINT: ").append(e.getHint());
            }
            return sb.append(" (SQLSTATE ").append(e.getSqlState()).append(")").toString();
        }
    }
}
