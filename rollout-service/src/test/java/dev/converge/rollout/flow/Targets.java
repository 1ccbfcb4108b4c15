package dev.converge.rollout.flow;

import dev.converge.common.Hashing;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.StateFile;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.engine.DbConn;
import dev.converge.engine.DesiredSource;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.introspect.Introspector;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import dev.converge.rollout.execution.EngineSchemaProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test-side access to the target databases: reset, run SQL, plan with the real engine, read history. */
final class Targets {
    static final PostgresServer SERVER = PostgresFinder.find();

    private Targets() {
    }

    static void reset(String logical, String... sql) {
        List<String> all = new ArrayList<>(List.of("DROP SCHEMA IF EXISTS converge CASCADE",
                "DROP SCHEMA public CASCADE", "CREATE SCHEMA public"));
        all.addAll(List.of(sql));
        run(logical, all.toArray(String[]::new));
    }

    static void run(String logical, String... sql) {
        try (Connection c = SERVER.connect(TargetsTestResource.db(logical)); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static List<String> query(String logical, String sql) {
        try (Connection c = SERVER.connect(TargetsTestResource.db(logical)); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static DbConn conn(String logical) {
        return new DbConn(SERVER.host(), SERVER.port(), TargetsTestResource.db(logical), SERVER.user(), SERVER.password());
    }

    static String hash(String logical) {
        return new Introspector().introspect(conn(logical), EngineSchemaProbe.OPTIONS).hash();
    }

    /** What diff-service publishes for a target: a real plan from its current schema to the desired files. */
    static PlanComputed plan(String submissionId, String project, String logical, String environment, String desiredSql) {
        List<StateFile> files = List.of(new StateFile("schemas/app.sql", desiredSql, Hashing.sha256Hex(desiredSql)));
        Plan plan = new SchemaEngine().plan(conn(logical), DesiredSource.files(files, null), PlanOptions.defaults(),
                EngineSchemaProbe.OPTIONS);
        String target = TargetsTestResource.target(logical);
        return new PlanComputed(EventIds.of("plan", submissionId, target), Instant.now(), submissionId, project, target,
                environment, Mode.ROLLOUT, plan.baseHash(), plan.desiredHash(), plan.planHash(), plan.toEvents(),
                plan.summary(), desiredSql, files, null);
    }

    /** A plan with hand-written statements (for failures the engine would never produce). */
    static PlanComputed handPlan(String submissionId, String project, String logical, String environment,
                                 List<PlannedStatement> statements) {
        String target = TargetsTestResource.target(logical);
        return new PlanComputed(EventIds.of("plan", submissionId, target), Instant.now(), submissionId, project, target,
                environment, Mode.ROLLOUT, hash(logical), "never-reached", "hand-" + submissionId, statements,
                List.of(), "", List.of(), null);
    }

    static List<String> history(String logical) {
        return query(logical, "SELECT task_id || ' ' || outcome FROM converge.converge_history ORDER BY started_at");
    }
}
