package dev.converge.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.Topics;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaClients;
import dev.converge.devstack.kafka.KafkaProcess;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.devstack.process.Deadline;
import dev.converge.devstack.process.FreePorts;
import dev.converge.devstack.services.ConvergeService;
import dev.converge.devstack.services.ServiceProcess;
import dev.converge.devstack.services.ServiceProperties;
import dev.converge.devstack.testing.SampleEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The whole system as separate processes: a real Kafka broker process, the four services as their production jars
 * on free ports, and a fresh system database. Proves the wiring through Kafka and that readiness follows the broker.
 * Each service exposes {@code GET /v1/processed-events/{eventId}} (200 once its inbox holds the event), which is
 * how this test sees that a consumer processed a record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
class SystemIT {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path WORK = ROOT.resolve("cli/target/system-it");
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** The inbox probe is a /v1 call: it needs a service account's token like every other. */
    static final String TOKEN = "system-it-" + UUID.randomUUID();

    static PostgresServer postgres;
    static String database;
    static KafkaProcess kafka;
    static final Map<ConvergeService, ServiceProcess> services = new EnumMap<>(ConvergeService.class);

    @BeforeAll
    static void startSystem() throws Exception {
        Files.createDirectories(WORK);
        postgres = PostgresFinder.find();
        database = "fnd_system_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        postgres.createDatabase(database);
        kafka = KafkaProcess.create(Files.createTempDirectory(WORK, "kafka-"), 0).start();
        for (ConvergeService s : ConvergeService.values()) {
            services.put(s, s.process(ROOT, FreePorts.next(), serviceProperties(), WORK.resolve(s.module() + ".log"))
                    .withToken(TOKEN).start());
        }
        ServiceProcess.awaitReady(services.values(), READY_TIMEOUT);
    }

    static Map<String, String> serviceProperties() {
        return ServiceProperties.of(kafka.bootstrapServers(), postgres, database)
                // demo's user and password are left to the services' defaults
                .instance("demo", postgres.host(), postgres.port(), null, null)
                .testThenProdByApproval()
                .set("converge.projects.hr.environments.test.targets", "demo/hr_test")
                .set("converge.projects.hr.environments.prod.targets", "demo/hr_prod")
                .account("system-it", TOKEN, "viewer")
                .toMap();
    }

    @AfterAll
    static void stopSystem() {
        services.values().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            try {
                postgres.dropDatabase(database);
            } finally {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void everyConsumerOfTheSubmissionsTopicProcessesAProducedSubmission() throws Exception {
        SubmissionAccepted submission = SampleEvents.submission();
        KafkaClients.send(kafka.bootstrapServers(), Topics.SUBMISSIONS, submission.key(), Json.encode(submission));

        assertProcessedBy(submission.eventId(), ConvergeService.DIFF, ConvergeService.ROLLOUT);
        // ingest and review do not consume submissions: their inboxes must not know the event.
        assertThat(services.get(ConvergeService.INGEST).status("/v1/processed-events/" + submission.eventId())).isEqualTo(404);
        assertThat(services.get(ConvergeService.REVIEW).status("/v1/processed-events/" + submission.eventId())).isEqualTo(404);
        // without a token the probe tells nothing
        for (ServiceProcess p : services.values()) {
            HttpResponse<Void> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(p.url() + "/v1/processed-events/" + submission.eventId())).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(anonymous.statusCode()).as(p.name()).isEqualTo(401);
        }
    }

    @Test
    @Order(2)
    void readinessGoesDownWithKafkaAndComesBackWithIt() {
        kafka.stop();
        awaitAll("DOWN (503) after Kafka stopped", 503, Duration.ofSeconds(120));

        kafka.start();
        awaitAll("UP (200) after Kafka restarted", 200, Duration.ofSeconds(180));

        SubmissionAccepted afterRestart = SampleEvents.submission();
        KafkaClients.send(kafka.bootstrapServers(), Topics.SUBMISSIONS, afterRestart.key(), Json.encode(afterRestart));
        assertProcessedBy(afterRestart.eventId(), ConvergeService.DIFF, ConvergeService.ROLLOUT);
    }

    @Test
    @Order(3)
    void aProjectNamingAnUnknownInstanceStopsTheServiceWithOneLine() {
        assertStopsWithOneLine(Map.of("converge.projects.hr.environments.test.targets", "ghost/hr_test"),
                "converge.projects.hr.environments.test.targets: target 'ghost/hr_test' names unknown instance 'ghost'");
    }

    @Test
    @Order(4)
    void anEnvironmentCycleStopsTheServiceWithOneLine() {
        assertStopsWithOneLine(Map.of("converge.environments.test.after", "prod"),
                "converge.environments: cycle in 'after' links among [prod, test]");
    }

    @Test
    @Order(5)
    void aDuplicateTargetStopsTheServiceWithOneLine() {
        assertStopsWithOneLine(Map.of("converge.projects.hr.environments.prod.targets", "demo/hr_test"),
                "converge.projects.hr: duplicate target 'demo/hr_test' (in environments 'prod' and 'test')");
    }

    /** Starts diff-service with a valid configuration plus {@code overrides}; it must exit 2 with one line, no stack trace. */
    private static void assertStopsWithOneLine(Map<String, String> overrides, String problem) {
        Map<String, String> props = serviceProperties();
        props.putAll(overrides);
        Path log = WORK.resolve("bad-config-" + UUID.randomUUID() + ".log");
        ServiceProcess bad = ConvergeService.DIFF.process(ROOT, FreePorts.next(), props, log).start();
        try {
            assertThat(bad.exitCode(Duration.ofSeconds(240))).as("exit code; log:%n%s", bad.logTail(30)).isEqualTo(2);
            List<String> lines = bad.logTail(500).lines().toList();
            List<String> reported = lines.stream().filter(l -> l.contains("invalid configuration")).toList();
            assertThat(reported).hasSize(1);
            assertThat(reported.get(0)).endsWith("diff-service: invalid configuration: " + problem);
            // No stack trace for the problem (unrelated warnings of a loaded machine may carry their own).
            assertThat(lines).noneMatch(l -> l.contains("ConfigException") || l.contains("PreventFurtherStepsException")
                    || l.contains("Failed to start"));
        } finally {
            bad.stop();
        }
    }

    private static void assertProcessedBy(String eventId, ConvergeService... consumers) {
        for (ConvergeService s : consumers) {
            ServiceProcess p = services.get(s);
            boolean processed = Deadline.await(Duration.ofSeconds(90), Duration.ofMillis(500),
                    () -> p.status("/v1/processed-events/" + eventId) == 200);
            assertThat(processed).as("%s processed event %s; log tail:%n%s", s.module(), eventId, p.logTail(15)).isTrue();
            assertThat(p.get("/v1/processed-events/" + eventId)).contains(Topics.SUBMISSIONS);
        }
    }

    private static void awaitAll(String what, int status, Duration timeout) {
        List<ServiceProcess> all = new ArrayList<>(services.values());
        boolean reached = Deadline.await(timeout, Duration.ofSeconds(1),
                () -> all.stream().allMatch(p -> p.status("/q/health/ready") == status));
        assertThat(reached).as("every service's readiness %s; now: %s", what, all.stream()
                .collect(Collectors.toMap(ServiceProcess::name, p -> p.status("/q/health/ready") + " " + p.get("/q/health/ready"))))
                .isTrue();
    }
}
