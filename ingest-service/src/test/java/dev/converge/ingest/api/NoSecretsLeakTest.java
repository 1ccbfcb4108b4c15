package dev.converge.ingest.api;

import dev.converge.common.Topics;
import dev.converge.devstack.kafka.KafkaClients;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neither the configured target-database password (the test profile sets a non-empty one) nor any bearer token
 * shows up in a log line, an API response or a published record while submissions, refusals and reads go by.
 */
@QuarkusTest
@TestProfile(IngestTestProfile.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "db-prefix", value = "ck_ingest_"))
class NoSecretsLeakTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "converge.instances.demo.password")
    String targetPassword;

    /** Every log record of the service at any level, formatted with its parameters and stack trace. */
    static final class Capture extends Handler {
        final List<String> lines = new ArrayList<>();

        /** The lines so far; the service's threads keep logging while the test reads them. */
        synchronized List<String> snapshot() {
            return List.copyOf(lines);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            if (r.getLoggerName() != null && r.getLoggerName().startsWith("org.apache.http")) {
                return; // RestAssured's own HTTP client in this test, which of course sends the token
            }
            StringBuilder line = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void noPasswordOrTokenInLogsResponsesOrRecords() {
        assertThat(targetPassword).as("the profile must configure a password for the scan to mean anything").isNotBlank();
        List<String> secrets = List.of(targetPassword, IngestTestProfile.CI, IngestTestProfile.VIEWER, IngestTestProfile.SUBMITTER);
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        List<String> responses = new ArrayList<>();
        try {
            String ok = "{\"mode\":\"CHECK\",\"files\":[{\"path\":\"s/a.sql\",\"content\":\"CREATE TABLE hr.t (id int);\"}]}";
            var accepted = given().header("Authorization", "Bearer " + IngestTestProfile.CI).contentType("application/json")
                    .body(ok).post("/v1/projects/hr/submissions");
            responses.add(accepted.asString());
            String id = accepted.then().statusCode(202).extract().path("id");
            responses.add(given().header("Authorization", "Bearer " + IngestTestProfile.VIEWER).get("/v1/submissions/" + id).asString());
            responses.add(given().header("Authorization", "Bearer " + IngestTestProfile.VIEWER).get("/v1/projects/hr/submissions").asString());
            // refusals echo parts of the request; none may echo the credentials
            responses.add(given().header("Authorization", "Bearer " + IngestTestProfile.VIEWER).contentType("application/json")
                    .body(ok).post("/v1/projects/hr/submissions").asString());
            responses.add(given().header("Authorization", "Bearer " + IngestTestProfile.CI + "x").contentType("application/json")
                    .body(ok).post("/v1/projects/hr/submissions").asString());
            responses.add(given().header("Authorization", "Bearer " + IngestTestProfile.CI).contentType("application/json")
                    .body("{\"mode\":\"CHECK\",\"files\":[").post("/v1/projects/hr/submissions").asString());
            responses.add(given().header("Authorization", "Bearer " + IngestTestProfile.CI).contentType("application/json")
                    .body("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"a.sql\",\"content\":\"\"}],\"targets\":[\"demo/x\"]}")
                    .post("/v1/projects/hr/submissions").asString());
            responses.add(given().get("/q/openapi?format=json").asString());

            List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(bootstrapServers, Topics.SUBMISSIONS,
                    Duration.ofSeconds(60), r -> id.equals(r.key()));
            assertThat(records).isNotEmpty();
            List<String> published = records.stream().map(r -> r.key() + " " + r.value()).toList();

            List<String> logLines = capture.snapshot();
            for (String secret : secrets) {
                assertThat(responses).as("API responses").noneMatch(s -> s.contains(secret));
                assertThat(published).as("records on " + Topics.SUBMISSIONS).noneMatch(s -> s.contains(secret));
                assertThat(logLines).as("log lines").noneMatch(s -> s.contains(secret));
            }
            assertThat(responses).hasSize(8);
        } finally {
            root.removeHandler(capture);
            root.setLevel(rootLevel);
        }
    }
}
