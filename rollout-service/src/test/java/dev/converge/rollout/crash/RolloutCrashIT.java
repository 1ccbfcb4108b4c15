package dev.converge.rollout.crash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.Hashing;
import dev.converge.common.Topics;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.events.Verdict;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaBroker;
import dev.converge.devstack.kafka.KafkaClients;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.devstack.process.FreePorts;
import dev.converge.devstack.process.Processes;
import dev.converge.engine.DbConn;
import dev.converge.engine.DesiredSource;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.introspect.Introspector;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import dev.converge.rollout.execution.EngineSchemaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGKILL of the rollout-service process while a stage of 10 targets is running: after a restart every target is
 * applied exactly once (one history row, converged) and the rollout succeeds. Runs the packaged service
 * ({@code target/quarkus-app/quarkus-run.jar}) as a real process against an in-process broker.
 */
class RolloutCrashIT {
    static final int TARGETS = 10;
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String BASE = "CREATE TABLE employee (id bigint PRIMARY KEY, name text NOT NULL)";
    static final String DESIRED = """
            CREATE TABLE employee (id bigint PRIMARY KEY, name text NOT NULL, email text);
            CREATE TABLE department (id bigint PRIMARY KEY, title text NOT NULL);
            """;
    static final String TOKEN = "crash-token";

    final PostgresServer pg = PostgresFinder.find();
    final List<String> databases = new ArrayList<>();
    final List<Process> processes = new ArrayList<>();
    KafkaBroker kafka;

    @AfterEach
    void cleanUp() {
        for (Process p : processes) {
            Processes.stop(p.toHandle(), 10);
        }
        if (kafka != null) {
            kafka.close();
        }
        for (String db : databases) {
            pg.dropDatabase(db);
        }
    }

    @Test
    void killedDuringAStageOfTenTargetsResumesAndAppliesEachTargetExactlyOnce() throws Exception {
        String system = database("ro_crash_sys_" + RUN);
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= TARGETS; i++) {
            String db = database("ro_crash_t" + i + "_" + RUN);
            run(db, BASE);
            targets.add(db);
        }
        kafka = KafkaBroker.start();
        Map<String, String> props = properties(system, targets);

        Process first = start(props, 1);
        String url = "http://127.0.0.1:" + props.get("quarkus.http.port");
        awaitReady(url);

        String submissionId = UUID.randomUUID().toString();
        String rolloutId = EventIds.rolloutOf(submissionId);
        List<String> targetNames = targets.stream().map(db -> "local/" + db).toList();
        publish(Topics.SUBMISSIONS, submissionId, new SubmissionAccepted(EventIds.of("submission", submissionId),
                Instant.now(), submissionId, "fleet", Mode.ROLLOUT, List.of(), targetNames, null, VcsMetadata.NONE, "alice"));
        Map<String, PlanComputed> plans = new HashMap<>();
        for (String db : targets) {
            PlanComputed plan = slowPlan(submissionId, db);
            plans.put(db, plan);
            publish(Topics.PLANS, plan.target(), plan);
            publish(Topics.REVIEWS, plan.target(), new ReviewCompleted(EventIds.of("review", plan.eventId()),
                    Instant.now(), submissionId, "fleet", plan.target(), "test", plan.eventId(), plan.planHash(),
                    List.of(), Verdict.PASS, List.of()));
        }

        // Kill while some targets are done and others are in the middle of their transaction.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode r = rollout(url, rolloutId);
            return r != null && count(r, "SUCCEEDED") >= 1 && count(r, "RUNNING") >= 1;
        });
        first.destroyForcibly().waitFor();
        JsonNode atKill = storedRollout(system);
        assertThat(count(atKill, "SUCCEEDED")).as("not everything was done before the kill").isLessThan(TARGETS);

        props.put("quarkus.http.port", String.valueOf(FreePorts.next()));
        start(props, 2);
        String url2 = "http://127.0.0.1:" + props.get("quarkus.http.port");
        awaitReady(url2);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .until(() -> "SUCCEEDED".equals(rollout(url2, rolloutId).path("status").asText()));

        JsonNode done = rollout(url2, rolloutId);
        assertThat(count(done, "SUCCEEDED")).isEqualTo(TARGETS);
        for (String db : targets) {
            assertThat(query(db, "SELECT task_id || ' ' || attempt || ' ' || outcome FROM converge.converge_history"))
                    .as("history of %s", db).hasSize(1).allMatch(row -> row.endsWith(" 1 SUCCEEDED"));
            assertThat(hash(db)).as("schema of %s", db).isEqualTo(plans.get(db).desiredHash());
        }
    }

    /** The engine's plan plus a pause inside the same transactional group, so that a stage takes a while. */
    PlanComputed slowPlan(String submissionId, String db) {
        List<StateFile> files = List.of(new StateFile("schemas/app.sql", DESIRED, Hashing.sha256Hex(DESIRED)));
        Plan plan = new SchemaEngine().plan(conn(db), DesiredSource.files(files, null), PlanOptions.defaults(),
                EngineSchemaProbe.OPTIONS);
        List<PlannedStatement> statements = new ArrayList<>(plan.toEvents());
        statements.add(new PlannedStatement(statements.size(), "SELECT pg_sleep(2)", List.of(), true, 0, 0));
        String target = "local/" + db;
        return new PlanComputed(EventIds.of("plan", submissionId, target), Instant.now(), submissionId, "fleet", target,
                "test", Mode.ROLLOUT, plan.baseHash(), plan.desiredHash(), plan.planHash(), statements, plan.summary(),
                DESIRED, files, null);
    }

    Map<String, String> properties(String system, List<String> targets) {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.http.port", String.valueOf(FreePorts.next()));
        p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        p.put("converge.db.host", pg.host());
        p.put("converge.db.port", String.valueOf(pg.port()));
        p.put("converge.db.name", system);
        p.put("converge.db.username", pg.user());
        p.put("quarkus.datasource.reactive.url", pg.reactiveUrl(system));
        p.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(system));
        p.put("quarkus.datasource.username", pg.user());
        if (pg.password() != null) {
            p.put("quarkus.datasource.password", pg.password());
            p.put("converge.instances.local.password", pg.password());
        }
        p.put("converge.instances.local.host", pg.host());
        p.put("converge.instances.local.port", String.valueOf(pg.port()));
        p.put("converge.instances.local.username", pg.user());
        p.put("converge.environments.test.policy", "automatic");
        p.put("converge.projects.fleet.environments.test.targets", String.join(",",
                targets.stream().map(db -> "local/" + db).toList()));
        p.put("converge.auth.accounts.ops.token-sha256", Hashing.sha256Hex(TOKEN));
        p.put("converge.auth.accounts.ops.roles", "viewer,approver");
        p.put("converge.rollout.parallelism", "4");
        p.put("converge.rollout.tick-ms", "200");
        return p;
    }

    Process start(Map<String, String> props, int n) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        assertThat(jar).as("run 'verify' so that the service is packaged first").exists();
        List<String> cmd = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx384m"));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString()));
        Path log = Path.of("target/crash-rollout-" + n + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    static void awaitReady(String url) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get(url + "/q/health/ready").statusCode() == 200);
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode rollout(String url, String id) throws Exception {
        HttpResponse<String> r = get(url + "/v1/rollouts/" + id);
        return r.statusCode() == 200 ? Json.mapper().readTree(r.body()) : null;
    }

    /** The rollout as stored, read straight from the system database (the service is dead). */
    JsonNode storedRollout(String system) throws Exception {
        return Json.mapper().readTree(query(system, "SELECT document FROM rollout.rollouts").get(0));
    }

    static int count(JsonNode rollout, String taskStatus) {
        int n = 0;
        for (JsonNode s : rollout.path("stages")) {
            for (JsonNode t : s.path("tasks")) {
                n += taskStatus.equals(t.path("status").asText()) ? 1 : 0;
            }
        }
        return n;
    }

    void publish(String topic, String key, Object event) {
        KafkaClients.send(kafka.bootstrapServers(), topic, key, Json.encode(event));
    }

    String database(String name) {
        pg.createDatabase(name);
        databases.add(name);
        return name;
    }

    DbConn conn(String db) {
        return new DbConn(pg.host(), pg.port(), db, pg.user(), pg.password());
    }

    String hash(String db) {
        return new Introspector().introspect(conn(db), EngineSchemaProbe.OPTIONS).hash();
    }

    void run(String db, String sql) throws SQLException {
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    List<String> query(String db, String sql) throws SQLException {
        try (Connection c = pg.connect(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
