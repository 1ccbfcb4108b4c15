package dev.converge.rollout;

import dev.converge.common.Topics;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import dev.converge.devstack.testing.ServiceShellContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

/** The rollout-service shell against a real in-process broker and its own database. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "db-prefix", value = "fnd_rollout_"))
class RolloutServiceShellTest extends ServiceShellContract {
    @Override
    protected String schema() {
        return "rollout";
    }

    @Override
    protected List<String> consumedTopics() {
        return List.of(Topics.SUBMISSIONS, Topics.PLANS, Topics.REVIEWS);
    }

    /**
     * Also open on purpose, outside the OpenAPI document: the dashboard's static files under {@code /ui/} (the
     * sign-in page must load before anyone has a token; they hold no data). Roles are not enumerated: who may approve,
     * reject, cancel or retry depends on the rollout's stage and submitter, so a probe id answers 404 before any role
     * is consulted; RolloutFlowTest covers those 403s.
     */
    @Override
    protected Map<String, String> publicOperations() {
        return Map.of("GET /ui/config.json", "the dashboard reads the services' base URLs before anyone signs in");
    }
}
