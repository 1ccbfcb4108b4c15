package dev.converge.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.converge.common.events.Event;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaClients;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What every Converge service shell must do, against a real in-process broker and its own database: readiness
 * that checks Kafka and the database, metrics and OpenAPI, its own Flyway schema with inbox and outbox,
 * idempotent consumption of each topic it consumes, and no documented operation open without a token. A service's {@code @QuarkusTest} extends it and names its
 * schema and topics.
 */
public abstract class ServiceShellContract {
    /** Every service's test profile has a viewer account with this token ({@code %test.converge.auth.accounts.shell-test.*}). */
    protected static final String SHELL_TEST_TOKEN = "shell-test-token";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    @Inject
    protected Pool pool;

    /** The service's own schema in the {@code converge} database. */
    protected abstract String schema();

    /** The topics this service consumes, each on its own channel. */
    protected abstract List<String> consumedTopics();

    /**
     * Operations of the service's OpenAPI document that answer without a token on purpose ({@code "GET /path/{p}"}
     * → why); none by default. Anything else that does not refuse a caller without a token fails
     * {@link #everyDocumentedOperationNeedsAToken}.
     */
    protected Map<String, String> publicOperations() {
        return Map.of();
    }

    @Test
    void isReadyOnlyWithKafkaAndItsDatabaseChecked() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems(
                        "SmallRye Reactive Messaging - readiness check",
                        "Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void exposesMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void migratesItsOwnSchemaWithInboxAndOutbox() {
        List<String> tables = pool.preparedQuery("select table_name from information_schema.tables where table_schema = $1")
                .execute(Tuple.of(schema())).await().atMost(Duration.ofSeconds(10))
                .stream().map((Row r) -> r.getString(0)).toList();
        assertThat(tables).contains("inbox", "outbox", "flyway_schema_history");
    }

    @Test
    void processesEachConsumedTopicOnceEvenWhenARecordIsDeliveredTwice() {
        for (String topic : consumedTopics()) {
            Event event = SampleEvents.forTopic(topic);
            KafkaClients.send(bootstrapServers, topic, event.key(), Json.encode(event));
            KafkaClients.send(bootstrapServers, topic, event.key(), Json.encode(event));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> given().header("Authorization", "Bearer " + SHELL_TEST_TOKEN).get("/v1/processed-events/" + event.eventId()).statusCode() == 200);
            given().header("Authorization", "Bearer " + SHELL_TEST_TOKEN).get("/v1/processed-events/" + event.eventId()).then()
                    .body("topic", is(topic)).body("eventType", is(event.getClass().getSimpleName()));
            // At least once: a consumer-group rebalance (three channels share the service's group, topics appear
            // on first use) can hand the same uncommitted records over again, so the duplicate count may exceed
            // the one duplicate sent; what must hold is that the event was handled exactly once.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(counter("converge_events_duplicates_total", topic)).isGreaterThanOrEqualTo(1.0));
            assertThat(counter("converge_events_processed_total", topic)).isEqualTo(1.0);
        }
    }

    /** The value of a counter tagged only with {@code topic} in the Prometheus scrape, 0 while it does not exist. */
    private static double counter(String name, String topic) {
        String prefix = name + "{topic=\"" + topic + "\"} ";
        return given().get("/q/metrics").asString().lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).trim()))
                .findFirst().orElse(0.0);
    }

    @Test
    void answers404ForAnEventItHasNotProcessed() {
        given().header("Authorization", "Bearer " + SHELL_TEST_TOKEN).get("/v1/processed-events/never-seen").then().statusCode(404)
                .contentType(startsWith("application/json")).body("code", is("NOT_FOUND"))
                .body("message", containsString("never-seen"));
    }

    /** What routing refuses (here a method the probe does not have) is a JSON error too, never an empty body. */
    @Test
    void answersAWrongMethodWithAJsonError() {
        given().header("Authorization", "Bearer " + SHELL_TEST_TOKEN).contentType("application/json").body("{}")
                .post("/v1/processed-events/never-seen").then().statusCode(405)
                .contentType(startsWith("application/json")).body("code", is("METHOD_NOT_ALLOWED"))
                .body("message", not(containsString("Exception")));
    }

    /**
     * Every operation in the OpenAPI document, the ones added tomorrow included, answers 401 with a JSON code and
     * message without a token. Health, metrics and the document itself live under {@code /q}, outside the document,
     * and stay open for probes.
     */
    @Test
    void everyDocumentedOperationNeedsAToken() throws Exception {
        OpenApiEndpoints.Refusals refusals = OpenApiEndpoints.requireATokenEverywhere(
                RestAssured.baseURI + ":" + RestAssured.port, publicOperations());
        assertThat(refusals.documented()).extracting(OpenApiEndpoints.Endpoint::toString)
                .contains("GET /v1/processed-events/{eventId}");
    }

    @Test
    void theInboxProbeNeedsAToken() {
        given().get("/v1/processed-events/never-seen").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer not-" + SHELL_TEST_TOKEN).get("/v1/processed-events/never-seen").then()
                .statusCode(401);
    }
}
