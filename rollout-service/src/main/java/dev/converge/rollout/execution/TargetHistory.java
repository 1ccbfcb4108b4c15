package dev.converge.rollout.execution;

import dev.converge.common.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Iterator;

/**
 * The history table inside each target, {@code converge.converge_history}: one row per task attempt, written
 * before the first statement runs and updated as groups commit, so that a restarted rollout-service can tell
 * what already ran. It lives in its own schema {@code converge}, which planning and drift checks ignore.
 */
final class TargetHistory {
    static final String SCHEMA = "converge";
    static final String TABLE = SCHEMA + ".converge_history";

    private static final String CREATE = """
            SET client_min_messages = warning;
            CREATE SCHEMA IF NOT EXISTS converge;
            CREATE TABLE IF NOT EXISTS converge.converge_history (
                rollout_id      text        NOT NULL,
                task_id         text        NOT NULL,
                attempt         int         NOT NULL,
                submission_id   text,
                project         text,
                target          text,
                plan_hash       text,
                base_hash       text,
                desired_hash    text,
                statements      jsonb       NOT NULL,
                statements_done int         NOT NULL DEFAULT 0,
                principal       text,
                started_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
                finished_at     timestamptz,
                outcome         text        NOT NULL,
                message         text,
                PRIMARY KEY (rollout_id, task_id, attempt)
            );
            RESET client_min_messages""";

    private TargetHistory() {
    }

    static void ensureTable(PgConnection conn) {
        Await.of(conn.query(CREATE).execute());
    }

    static HistoryRow find(SqlClient conn, ExecutionRequest r) {
        RowSet<Row> rows = Await.of(conn.preparedQuery("SELECT outcome, statements_done, message FROM " + TABLE
                + " WHERE rollout_id = $1 AND task_id = $2 AND attempt = $3").execute(key(r)));
        Iterator<Row> it = rows.iterator();
        if (!it.hasNext()) {
            return null;
        }
        Row row = it.next();
        return new HistoryRow(row.getString("outcome"), row.getInteger("statements_done"), row.getString("message"));
    }

    static void insert(SqlClient conn, ExecutionRequest r, String outcome, String message) {
        JsonArray statements = new JsonArray(Json.encode(r.plan().statements()));
        Tuple t = key(r).addString(r.submissionId()).addString(r.project()).addString(r.target().name())
                .addString(r.plan().planHash()).addString(r.plan().baseHash()).addString(r.plan().desiredHash())
                .addValue(statements).addString(r.principal()).addString(outcome).addString(message);
        Await.of(conn.preparedQuery("INSERT INTO " + TABLE + " (rollout_id, task_id, attempt, submission_id, project,"
                + " target, plan_hash, base_hash, desired_hash, statements, principal, outcome, message, finished_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
                + " CASE WHEN $12 = 'STARTED' THEN NULL ELSE clock_timestamp() END)").execute(t));
    }

    static void progress(SqlClient conn, ExecutionRequest r, int statementsDone) {
        Await.of(conn.preparedQuery("UPDATE " + TABLE + " SET statements_done = $4"
                + " WHERE rollout_id = $1 AND task_id = $2 AND attempt = $3").execute(key(r).addInteger(statementsDone)));
    }

    static void finish(SqlClient conn, ExecutionRequest r, String outcome, String message) {
        Await.of(conn.preparedQuery("UPDATE " + TABLE + " SET outcome = $4, message = $5, finished_at = clock_timestamp()"
                + " WHERE rollout_id = $1 AND task_id = $2 AND attempt = $3")
                .execute(key(r).addString(outcome).addString(message)));
    }

    private static Tuple key(ExecutionRequest r) {
        return Tuple.of(r.rolloutId(), r.taskId(), r.attempt());
    }
}
