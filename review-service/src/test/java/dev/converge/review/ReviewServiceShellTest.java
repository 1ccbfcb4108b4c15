package dev.converge.review;

import dev.converge.common.Topics;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import dev.converge.devstack.testing.ServiceShellContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The review-service shell against a real in-process broker and its own database. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "db-prefix", value = "fnd_review_"))
class ReviewServiceShellTest extends ServiceShellContract {
    @Override
    protected String schema() {
        return "review";
    }

    @Override
    protected List<String> consumedTopics() {
        return List.of(Topics.PLANS);
    }
}
