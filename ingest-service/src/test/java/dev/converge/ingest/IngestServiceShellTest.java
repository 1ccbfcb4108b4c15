package dev.converge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.Topics;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaClients;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import dev.converge.devstack.testing.SampleEvents;
import dev.converge.devstack.testing.ServiceShellContract;
import dev.converge.ingest.messaging.SubmissionPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ingest-service shell against a real in-process broker and its own database. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "db-prefix", value = "fnd_ingest_"))
class IngestServiceShellTest extends ServiceShellContract {
    @Override
    protected String schema() {
        return "ingest";
    }

    @Override
    protected List<String> consumedTopics() {
        return List.of(Topics.PLANS, Topics.REVIEWS, Topics.STATUS);
    }

    @Inject
    SubmissionPublisher publisher;

    @Test
    void publishesAcceptedSubmissionsKeyedBySubmissionId() {
        SubmissionAccepted event = SampleEvents.submission();
        publisher.publish(event).await().atMost(Duration.ofSeconds(60));

        var read = KafkaClients.readUntil(bootstrapServers, Topics.SUBMISSIONS, Duration.ofSeconds(60),
                r -> event.submissionId().equals(r.key()));
        assertThat(read).isNotEmpty();
        assertThat(Json.decode(read.get(read.size() - 1).value(), SubmissionAccepted.class)).isEqualTo(event);
    }
}
