package dev.converge.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import dev.converge.common.events.Event;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaClients;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What every Converge service shell must do, against a real in-process broker and its own database: readiness
 * that checks Kafka and the database, metrics and OpenAPI, its own Flyway schema with inbox and outbox, and
 * idempotent consumption of each topic it consumes. A service's {@code @QuarkusTest} extends it and names its
 * schema and topics.
 */
public abstract class ServiceShellContract {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    @Inject
    protected Pool pool;

    /** The service's own schema in the {@code converge} database. */
    protected abstract String schema();

    /** The topics this service consumes, each on its own channel. */
    protected abstract List<String> consumedTopics();

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
                    .until(() -> given().get("/v1/processed-events/" + event.eventId()).statusCode() == 200);
            given().get("/v1/processed-events/" + event.eventId()).then()
                    .body("topic", is(topic)).body("eventType", is(event.getClass().getSimpleName()));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/metrics").asString()
                    .contains("converge_events_duplicates_total{topic=\"" + topic + "\"} 1.0"));
            assertThat(given().get("/q/metrics").asString())
                    .contains("converge_events_processed_total{topic=\"" + topic + "\"} 1.0");
        }
    }

    @Test
    void answers404ForAnEventItHasNotProcessed() {
        given().get("/v1/processed-events/never-seen").then().statusCode(404);
    }
}
