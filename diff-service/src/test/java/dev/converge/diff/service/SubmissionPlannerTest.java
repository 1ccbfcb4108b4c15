package dev.converge.diff.service;

import dev.converge.common.Hashing;
import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.json.Json;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.plan.PlanOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans against real PostgreSQL databases: one reachable target, one whose server is down. */
class SubmissionPlannerTest {
    private static PostgresServer server;
    private static String database;
    private static ExecutorService pool;

    @BeforeAll
    static void createTarget() throws Exception {
        server = PostgresFinder.find();
        database = "ck_diff_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.createDatabase(database);
        try (Connection c = server.connect(database)) {
            c.createStatement().execute("CREATE TABLE public.employees (id bigint PRIMARY KEY)");
        }
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void dropTarget() {
        pool.shutdownNow();
        if (server != null) {
            try {
                server.dropDatabase(database);
            } finally {
                server.close();
            }
        }
    }

    private static ConvergeConfig config() {
        return config(Map.of());
    }

    private static ConvergeConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(extra);
        p.put("converge.instances.demo.host", server.host());
        p.put("converge.instances.demo.port", String.valueOf(server.port()));
        p.put("converge.instances.demo.username", server.user());
        // A server that is down: nothing listens on port 1.
        p.put("converge.instances.down.host", "127.0.0.1");
        p.put("converge.instances.down.port", "1");
        p.put("converge.instances.down.password", "s3cret-password");
        if (server.password() != null) {
            p.put("converge.instances.demo.password", server.password());
        }
        p.put("converge.environments.test.policy", "automatic");
        p.put("converge.projects.hr.environments.test.targets", "demo/" + database + ",down/hr_prod");
        return ConvergeConfig.fromProperties(p);
    }

    private static SubmissionAccepted submission(String sql) {
        String id = UUID.randomUUID().toString();
        return new SubmissionAccepted(EventIds.of("s", id), Instant.now(), id, "hr", Mode.CHECK,
                List.of(new StateFile("schemas/hr.sql", sql, Hashing.sha256Hex(sql))),
                List.of("demo/" + database, "down/hr_prod"), "# rules", VcsMetadata.NONE, "ci");
    }

    @Test
    void plansTheReachableTargetAndReportsTheDownOneAsUnreachable() {
        TargetPlanner targets = new TargetPlanner(config(), new SchemaEngine(), PlanOptions.defaults(), Clock.systemUTC());
        SubmissionPlanner planner = new SubmissionPlanner(targets, pool, Duration.ofSeconds(60), Clock.systemUTC());
        SubmissionAccepted s = submission("CREATE TABLE public.employees (id bigint PRIMARY KEY, email text);\n");

        List<PlanEvent> events = planner.planAll(s).join();

        assertThat(events).hasSize(2);
        PlanComputed computed = (PlanComputed) events.get(0);
        assertThat(computed.eventId()).isEqualTo(EventIds.of(s.submissionId(), "demo/" + database));
        assertThat(computed.environment()).isEqualTo("test");
        assertThat(computed.statements()).singleElement()
                .satisfies(st -> assertThat(st.sql()).contains("ADD COLUMN email text"));
        assertThat(computed.baseHash()).isNotEqualTo(computed.desiredHash());
        assertThat(computed.files()).isEqualTo(s.files());
        assertThat(computed.customRules()).isEqualTo("# rules");

        PlanFailed failed = (PlanFailed) events.get(1);
        assertThat(failed.eventId()).isEqualTo(EventIds.of(s.submissionId(), "down/hr_prod"));
        assertThat(failed.code()).isEqualTo("TARGET_UNREACHABLE");
        assertThat(failed.reason()).contains("down/hr_prod");
        assertThat(Json.encode(failed)).doesNotContain("s3cret-password");
    }

    @Test
    void grantsArePlannedOnlyForAProjectThatManagesPrivileges() throws Exception {
        String role = "pv_diff_reader";
        try (Connection c = server.connect(database)) {
            c.createStatement().execute("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                    + "') THEN CREATE ROLE " + role + " NOLOGIN; END IF; END$$");
        }
        try {
            SubmissionAccepted s = submission("CREATE TABLE public.employees (id bigint PRIMARY KEY);\n"
                    + "GRANT SELECT ON public.employees TO " + role + ";\n");
            TargetPlanner ignoring = new TargetPlanner(config(), new SchemaEngine(), PlanOptions.defaults(), Clock.systemUTC());
            assertThat(((PlanComputed) ignoring.plan(s, "demo/" + database)).statements()).isEmpty();

            TargetPlanner managing = new TargetPlanner(config(Map.of("converge.projects.hr.manage-privileges", "true")),
                    new SchemaEngine(), PlanOptions.defaults(), Clock.systemUTC());
            PlanComputed computed = (PlanComputed) managing.plan(s, "demo/" + database);
            assertThat(computed.statements()).singleElement()
                    .satisfies(st -> assertThat(st.sql()).isEqualTo("GRANT SELECT ON TABLE public.employees TO " + role));
        } finally {
            try (Connection c = server.connect(database)) {
                c.createStatement().execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void aStateFileThatFailsInTheShadowNamesFileAndLine() {
        TargetPlanner targets = new TargetPlanner(config(), new SchemaEngine(), PlanOptions.defaults(), Clock.systemUTC());
        SubmissionAccepted s = submission("CREATE TABLE public.a (id int);\nCREATE TABLE public.b (id int REFERENCES nowhere(id));\n");

        PlanEvent event = targets.plan(s, "demo/" + database);

        assertThat(event).isInstanceOf(PlanFailed.class);
        PlanFailed failed = (PlanFailed) event;
        assertThat(failed.code()).isEqualTo("SHADOW_FAILED");
        assertThat(failed.location()).isNotNull();
        assertThat(failed.location().file()).isEqualTo("schemas/hr.sql");
        assertThat(failed.location().line()).isEqualTo(2);
    }

    @Test
    void untrustedExtensionsArePlannedOnlyForAProjectThatAllowsThem() {
        SubmissionAccepted s = submission("CREATE TABLE public.employees (id bigint PRIMARY KEY);\nCREATE EXTENSION pageinspect;\n");
        TargetPlanner refusing = new TargetPlanner(config(), new SchemaEngine(), PlanOptions.defaults(), Clock.systemUTC());
        PlanFailed failed = (PlanFailed) refusing.plan(s, "demo/" + database);
        assertThat(failed.code()).isEqualTo("STATE_FILE_INVALID");
        assertThat(failed.reason()).startsWith("schemas/hr.sql:2:1: CREATE EXTENSION pageinspect is refused")
                .contains("converge.projects.<project>.allowed-extensions=pageinspect");
        assertThat(failed.location().line()).isEqualTo(2);

        TargetPlanner allowing = new TargetPlanner(config(Map.of("converge.projects.hr.allowed-extensions", "pageinspect")),
                new SchemaEngine(), PlanOptions.defaults(), Clock.systemUTC());
        PlanComputed computed = (PlanComputed) allowing.plan(s, "demo/" + database);
        assertThat(computed.statements()).first().satisfies(st -> assertThat(st.sql()).startsWith("CREATE EXTENSION pageinspect"));
    }

    @Test
    void redactsPasswordsFromReasons() {
        dev.converge.common.config.Instance i = config().instance("down");
        assertThat(TargetPlanner.redact("cannot log in to postgresql://u:s3cret-password@h/db with s3cret-password", i))
                .doesNotContain("s3cret-password");
    }
}
