package dev.converge.rollout.execution;

import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.rollout.service.TaskOutcome;
import dev.converge.rollout.service.TaskStatus;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs plans against real PostgreSQL databases. */
class TaskExecutorTest {
    static final String BASE = "CREATE TABLE emp (id int PRIMARY KEY, name text)";
    static Vertx vertx;
    final CatalogHashProbe probe = new CatalogHashProbe();
    final TargetDatabases dbs = new TargetDatabases();
    final TaskExecutor executor = new TaskExecutor(vertx, probe, 3, 200);

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void dropDatabases() {
        dbs.close();
    }

    /** A plan from BASE to the given statements, with hashes computed on real databases. */
    PlanComputed plan(TargetDb target, List<PlannedStatement> statements) {
        TargetDb desired = dbs.create("desired", BASE);
        for (PlannedStatement s : statements) {
            dbs.run(desired.database(), s.sql());
        }
        return new PlanComputed("p", Instant.now(), "sub", "hr", target.name(), "test", Mode.ROLLOUT,
                probe.hash(target), probe.hash(desired), "plan-hash", statements, List.of(), "");
    }

    static PlannedStatement tx(int i, String sql) {
        return new PlannedStatement(i, sql, List.of(), true, 2000, 60000);
    }

    static PlannedStatement alone(int i, String sql) {
        return new PlannedStatement(i, sql, List.of(), false, 2000, 60000);
    }

    static ExecutionRequest request(TargetDb target, PlanComputed plan) {
        return new ExecutionRequest("r1", "test-1", 1, "sub", "hr", target, plan, "alice");
    }

    List<List<String>> history(TargetDb t) {
        try (Connection c = dbs.server().connect(t.database());
             ResultSet rs = c.createStatement().executeQuery("SELECT rollout_id, task_id, outcome, statements_done,"
                     + " principal, jsonb_array_length(statements), (finished_at IS NOT NULL) FROM converge.converge_history")) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 7; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void appliesTransactionalGroupsAndConcurrentIndexesAndRecordsHistory() {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(
                tx(0, "ALTER TABLE emp ADD COLUMN email text"),
                tx(1, "CREATE TABLE dept (id int PRIMARY KEY)"),
                alone(2, "CREATE INDEX CONCURRENTLY emp_email_idx ON emp (email)"),
                tx(3, "ALTER TABLE emp ADD COLUMN dept_id int")));

        TaskOutcome outcome = executor.execute(request(target, plan));

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(probe.hash(target)).isEqualTo(plan.desiredHash());
        assertThat(history(target)).containsExactly(List.of("r1", "test-1", "SUCCEEDED", "4", "alice", "4", "t"));
    }

    @Test
    void aDriftedTargetRunsNothing() {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(tx(0, "ALTER TABLE emp ADD COLUMN email text")));
        dbs.run(target.database(), "ALTER TABLE emp ADD COLUMN salary int");

        TaskOutcome outcome = executor.execute(request(target, plan));

        assertThat(outcome.status()).isEqualTo(TaskStatus.DRIFTED);
        assertThat(outcome.message()).contains("drifted").contains("nothing ran").contains("emp.salary");
        assertThat(CatalogHashProbe.objects(target)).noneMatch(o -> o.contains("email"));
        assertThat(history(target)).containsExactly(List.of("r1", "test-1", "DRIFTED", "0", "alice", "1", "t"));
    }

    @Test
    void aFailingStatementRollsBackItsGroupAndReportsPostgresMessage() {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(
                tx(0, "CREATE TABLE dept (id int PRIMARY KEY)"),
                alone(1, "CREATE INDEX CONCURRENTLY emp_name_idx ON emp (name)"),
                tx(2, "ALTER TABLE emp ADD COLUMN dept_id int"),
                tx(3, "ALTER TABLE emp ADD COLUMN boss int")));
        PlanComputed broken = new PlanComputed(plan.eventId(), plan.occurredAt(), plan.submissionId(), plan.project(),
                plan.target(), plan.environment(), plan.mode(), plan.baseHash(), plan.desiredHash(), plan.planHash(),
                List.of(plan.statements().get(0), plan.statements().get(1), plan.statements().get(2),
                        tx(3, "ALTER TABLE emp ADD CONSTRAINT boss_fk FOREIGN KEY (boss) REFERENCES nowhere (id)")),
                List.of(), "");

        TaskOutcome outcome = executor.execute(request(target, broken));

        assertThat(outcome.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(outcome.message())
                .contains("statement 4 failed")
                .contains("ERROR: relation \"nowhere\" does not exist")
                .contains("SQLSTATE 42P01")
                .contains("statements 3-4 rolled back");
        List<String> objects = CatalogHashProbe.objects(target);
        assertThat(objects).as("earlier groups stay").anyMatch(o -> o.startsWith("dept.id"));
        assertThat(objects).as("the failed group is rolled back").noneMatch(o -> o.contains("dept_id"));
        assertThat(history(target).get(0).subList(2, 4)).containsExactly("FAILED", "2");
    }

    @Test
    void aFinishedTaskIsNotRunAgain() {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(tx(0, "CREATE TABLE dept (id int PRIMARY KEY)")));
        assertThat(executor.execute(request(target, plan)).status()).isEqualTo(TaskStatus.SUCCEEDED);

        TaskOutcome again = executor.execute(request(target, plan));

        assertThat(again.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(history(target)).hasSize(1);
    }

    @Test
    void anInterruptedTaskWhoseWorkCommittedIsMarkedSucceededWithoutRunning() {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(tx(0, "CREATE TABLE dept (id int PRIMARY KEY)")));
        simulateCrashAfter(target, plan, 0);
        dbs.run(target.database(), "CREATE TABLE dept (id int PRIMARY KEY)");

        TaskOutcome outcome = executor.execute(request(target, plan));

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(outcome.message()).contains("already applied");
        assertThat(history(target).get(0).get(2)).isEqualTo("SUCCEEDED");
    }

    @Test
    void anInterruptedTaskContinuesAfterItsLastCommittedGroup() {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(
                tx(0, "CREATE TABLE dept (id int PRIMARY KEY)"),
                alone(1, "CREATE INDEX CONCURRENTLY emp_name_idx ON emp (name)")));
        simulateCrashAfter(target, plan, 1);
        dbs.run(target.database(), "CREATE TABLE dept (id int PRIMARY KEY)");

        TaskOutcome outcome = executor.execute(request(target, plan));

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(outcome.message()).contains("applied 1 statement");
        assertThat(probe.hash(target)).isEqualTo(plan.desiredHash());
    }

    @Test
    void anInterruptedTaskOnAChangedTargetIsNotContinued() {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(tx(0, "CREATE TABLE dept (id int PRIMARY KEY)")));
        simulateCrashAfter(target, plan, 0);
        dbs.run(target.database(), "CREATE TABLE other (id int)");

        TaskOutcome outcome = executor.execute(request(target, plan));

        assertThat(outcome.status()).isEqualTo(TaskStatus.DRIFTED);
        assertThat(outcome.message()).contains("interrupted").contains("matches neither");
    }

    @Test
    void lockTimeoutsAreRetried() throws Exception {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(
                new PlannedStatement(0, "ALTER TABLE emp ADD COLUMN email text", List.of(), true, 100, 60000)));
        try (Connection holder = dbs.server().connect(target.database())) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE emp IN ACCESS SHARE MODE");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    holder.rollback();
                } catch (Exception ignored) {
                    // the test fails on its own if the lock is never released
                }
            });
            release.start();
            TaskOutcome outcome = new TaskExecutor(vertx, probe, 10, 150).execute(request(target, plan));
            release.join();
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(TaskStatus.SUCCEEDED);
        }
    }

    @Test
    void givesUpAfterBoundedLockRetries() throws Exception {
        TargetDb target = dbs.create("target", BASE);
        PlanComputed plan = plan(target, List.of(
                new PlannedStatement(0, "ALTER TABLE emp ADD COLUMN email text", List.of(), true, 50, 60000)));
        try (Connection holder = dbs.server().connect(target.database())) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE emp IN ACCESS SHARE MODE");

            TaskOutcome outcome = new TaskExecutor(vertx, probe, 2, 10).execute(request(target, plan));

            assertThat(outcome.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(outcome.message()).contains("lock timeout").contains("55P03").contains("gave up after 2 retries");
            holder.rollback();
        }
    }

    /** Leaves a STARTED history row as a killed service would, with {@code done} statements committed. */
    private void simulateCrashAfter(TargetDb target, PlanComputed plan, int done) {
        dbs.run(target.database(), "CREATE SCHEMA converge", "CREATE TABLE converge.converge_history (rollout_id text,"
                + " task_id text, attempt int, submission_id text, project text, target text, plan_hash text,"
                + " base_hash text, desired_hash text, statements jsonb NOT NULL, statements_done int NOT NULL DEFAULT 0,"
                + " principal text, started_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz,"
                + " outcome text NOT NULL, message text, PRIMARY KEY (rollout_id, task_id, attempt))",
                "INSERT INTO converge.converge_history (rollout_id, task_id, attempt, statements, statements_done, outcome)"
                        + " VALUES ('r1', 'test-1', 1, '[]', " + done + ", 'STARTED')");
    }
}
