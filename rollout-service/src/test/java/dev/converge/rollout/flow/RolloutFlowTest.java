package dev.converge.rollout.flow;

import dev.converge.common.Topics;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.events.Verdict;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaClients;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import dev.converge.rollout.service.Rollout;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.converge.rollout.flow.TargetsTestResource.target;
import static dev.converge.rollout.flow.TargetsTestResource.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The rollout half of the flow with the real broker and real target databases: the test publishes what ingest,
 * diff-service (real engine plans) and review-service publish, and drives approvals over REST.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "db-prefix", value = "ro_sys_"))
@QuarkusTestResource(value = TargetsTestResource.class, restrictToAnnotatedClass = true)
class RolloutFlowTest {
    static final String BASE = "CREATE TABLE employee (id bigint PRIMARY KEY, name text NOT NULL);";
    static final String DESIRED = """
            CREATE TABLE employee (id bigint PRIMARY KEY, name text NOT NULL, email text);
            CREATE TABLE department (id bigint PRIMARY KEY, title text NOT NULL);
            """;
    static final Duration WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/v1/events")
    URL events;

    @Test
    void testAppliesAutomaticallyProdWaitsForAnApproverThenBothConverge() throws Exception {
        Targets.reset("hr_test", BASE);
        Targets.reset("hr_prod", BASE);
        String submissionId = UUID.randomUUID().toString();
        String rolloutId = Rollout.idFor(submissionId);

        try (SseRecorder sse = new SseRecorder(URI.create(events + "?rollout=" + rolloutId), token("vic"), null)) {
            submit(submissionId, "hr", List.of(target("hr_test"), target("hr_prod")));
            PlanComputed testPlan = Targets.plan(submissionId, "hr", "hr_test", "test", DESIRED);
            PlanComputed prodPlan = Targets.plan(submissionId, "hr", "hr_prod", "prod", DESIRED);
            publishPlanAndReview(testPlan, Verdict.PASS);
            publishPlanAndReview(prodPlan, Verdict.WARN);

            await().atMost(WAIT).until(() -> status(rolloutId).equals("AWAITING_APPROVAL"));
            JsonPath r = rollout(rolloutId);
            assertThat(r.getString("stages[0].status")).isEqualTo("SUCCEEDED");
            assertThat(r.getString("stages[0].tasks[0].status")).isEqualTo("SUCCEEDED");
            assertThat(r.getString("stages[1].status")).isEqualTo("AWAITING_APPROVAL");
            assertThat(Targets.hash("hr_test")).isEqualTo(testPlan.desiredHash());
            assertThat(Targets.hash("hr_prod")).as("prod untouched before approval").isEqualTo(prodPlan.baseHash());

            given().header("Authorization", "Bearer " + token("alice")).contentType("application/json")
                    .body("{\"comment\":\"ship it\"}")
                    .post("/v1/rollouts/" + rolloutId + "/stages/prod:approve")
                    .then().statusCode(403)
                    .body("message", containsString("alice submitted rollout"))
                    .body("message", containsString("may not approve its own prod stage"));
            given().header("Authorization", "Bearer " + token("vic")).contentType("application/json").body("{}")
                    .post("/v1/rollouts/" + rolloutId + "/stages/prod:approve")
                    .then().statusCode(403).body("message", containsString("needs role 'approver'"));
            given().contentType("application/json").body("{}")
                    .post("/v1/rollouts/" + rolloutId + "/stages/prod:approve").then().statusCode(401);

            given().header("Authorization", "Bearer " + token("bob")).contentType("application/json")
                    .body("{\"comment\":\"reviewed the WARN\"}")
                    .post("/v1/rollouts/" + rolloutId + "/stages/prod:approve")
                    .then().statusCode(200).body("stages[1].approvedBy", is("bob"));

            await().atMost(WAIT).until(() -> status(rolloutId).equals("SUCCEEDED"));
            assertThat(Targets.hash("hr_prod")).isEqualTo(prodPlan.desiredHash());
            assertThat(Targets.history("hr_test")).containsExactly("test-1 SUCCEEDED");
            assertThat(Targets.history("hr_prod")).containsExactly("prod-1 SUCCEEDED");

            JsonPath done = rollout(rolloutId);
            assertThat(done.getList("audit.action")).containsExactly("CREATE", "START", "APPROVE");
            assertThat(done.getList("audit.principal")).containsExactly("alice", "converge", "bob");
            assertThat(done.getString("audit[2].comment")).isEqualTo("reviewed the WARN");

            List<String> expected = List.of(
                    "ROLLOUT:" + rolloutId + ":WAITING_FOR_PLANS",
                    "ROLLOUT:" + rolloutId + ":IN_PROGRESS",
                    "STAGE:test:IN_PROGRESS",
                    "TASK:test-1:RUNNING",
                    "TASK:test-1:SUCCEEDED",
                    "STAGE:test:SUCCEEDED",
                    "STAGE:prod:AWAITING_APPROVAL",
                    "ROLLOUT:" + rolloutId + ":AWAITING_APPROVAL",
                    "STAGE:prod:IN_PROGRESS",
                    "ROLLOUT:" + rolloutId + ":IN_PROGRESS",
                    "TASK:prod-1:RUNNING",
                    "TASK:prod-1:SUCCEEDED",
                    "STAGE:prod:SUCCEEDED",
                    "ROLLOUT:" + rolloutId + ":SUCCEEDED");
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.received.size() >= expected.size());
            assertThat(sse.statuses()).containsExactlyElementsOf(expected);
            assertThat(sse.received).extracting(SseRecorder.Received::id).isSorted().doesNotHaveDuplicates();

            // Every transition also went to converge.status.v1, in the same order.
            List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(bootstrapServers, Topics.STATUS, WAIT,
                    rec -> rec.value().contains("\"status\":\"SUCCEEDED\"") && rec.value().contains("\"subjectType\":\"ROLLOUT\"")
                            && rec.value().contains(rolloutId));
            List<String> published = records.stream().map(rec -> Json.decode(rec.value(), StatusChanged.class))
                    .filter(e -> rolloutId.equals(e.attributes().get("rolloutId")))
                    .map(e -> e.subjectType() + ":" + e.subjectId() + ":" + e.status()).toList();
            assertThat(published).containsExactlyElementsOf(expected);
            assertThat(records.get(records.size() - 1).key()).isEqualTo(submissionId);

            // A client that reconnects with Last-Event-ID gets exactly what came after.
            long fifth = sse.received.get(4).id();
            try (SseRecorder resumed = new SseRecorder(URI.create(events + "?rollout=" + rolloutId), token("vic"),
                    String.valueOf(fifth))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> resumed.received.size() >= expected.size() - 5);
                assertThat(resumed.statuses()).containsExactlyElementsOf(expected.subList(5, expected.size()));
            }
        }
    }

    @Test
    void aTargetChangedByHandAfterReviewEndsDriftedAndNothingRunsOnIt() {
        String rolloutId = hrRollout(Verdict.PASS);
        await().atMost(WAIT).until(() -> status(rolloutId).equals("AWAITING_APPROVAL"));

        Targets.run("hr_prod", "ALTER TABLE employee ADD COLUMN salary numeric");
        given().header("Authorization", "Bearer " + token("bob")).contentType("application/json").body("{}")
                .post("/v1/rollouts/" + rolloutId + "/stages/prod:approve").then().statusCode(200);

        await().atMost(WAIT).until(() -> status(rolloutId).equals("FAILED"));
        JsonPath r = rollout(rolloutId);
        assertThat(r.getString("stages[1].tasks[0].status")).isEqualTo("DRIFTED");
        assertThat(r.getString("stages[1].tasks[0].message")).contains("drifted").contains("nothing ran")
                .contains("salary");
        assertThat(Targets.query("hr_prod", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'department'"))
                .containsExactly("0");
        assertThat(Targets.query("hr_prod", "SELECT count(*) FROM information_schema.columns WHERE column_name = 'email'"))
                .containsExactly("0");
        assertThat(Targets.history("hr_prod")).containsExactly("prod-1 DRIFTED");
    }

    @Test
    void aFailingStatementFailsOnlyItsTaskRollsBackItsGroupAndStopsLaterStages() {
        Targets.reset("crm_a", BASE);
        Targets.reset("crm_b", BASE);
        Targets.reset("crm_p", BASE);
        String submissionId = UUID.randomUUID().toString();
        String rolloutId = Rollout.idFor(submissionId);
        submit(submissionId, "crm", List.of(target("crm_a"), target("crm_b"), target("crm_p")));
        publishPlanAndReview(Targets.handPlan(submissionId, "crm", "crm_a", "test", List.of(
                new PlannedStatement(0, "CREATE TABLE department (id bigint PRIMARY KEY)", List.of(), true, 5000, 60000),
                new PlannedStatement(1, "ALTER TABLE employee ADD CONSTRAINT boss_fk FOREIGN KEY (boss_id) REFERENCES department (id)",
                        List.of(), true, 5000, 60000))), Verdict.PASS);
        publishPlanAndReview(Targets.plan(submissionId, "crm", "crm_b", "test", DESIRED), Verdict.PASS);
        publishPlanAndReview(Targets.plan(submissionId, "crm", "crm_p", "prod", DESIRED), Verdict.PASS);

        await().atMost(WAIT).until(() -> status(rolloutId).equals("FAILED"));
        JsonPath r = rollout(rolloutId);
        assertThat(r.getString("stages[0].tasks[0].status")).isEqualTo("FAILED");
        assertThat(r.getString("stages[0].tasks[0].message"))
                .contains("column \"boss_id\" referenced in foreign key constraint does not exist")
                .contains("statements 1-2 rolled back");
        assertThat(r.getString("stages[0].tasks[1].status")).isEqualTo("SUCCEEDED");
        assertThat(r.getString("stages[1].status")).isEqualTo("CANCELED");
        assertThat(Targets.query("crm_a", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'department'"))
                .as("the failed group was rolled back").containsExactly("0");
        assertThat(Targets.query("crm_b", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'department'"))
                .containsExactly("1");
        assertThat(Targets.query("crm_p", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'department'"))
                .as("later stage not started").containsExactly("0");
        assertThat(Targets.query("crm_p", "SELECT count(*) FROM pg_namespace WHERE nspname = 'converge'")).containsExactly("0");

        // Project crm has a webhook: every event arrives signed with the project's secret.
        await().atMost(Duration.ofSeconds(30)).until(() -> TargetsTestResource.WEBHOOK_CALLS.stream()
                .anyMatch(c -> c[1].contains(rolloutId) && c[1].contains("\"status\":\"FAILED\"")
                        && c[1].contains("\"subjectType\":\"ROLLOUT\"")));
        assertThat(TargetsTestResource.WEBHOOK_CALLS).allSatisfy(c -> assertThat(c[0])
                .isEqualTo("sha256=" + dev.converge.rollout.execution.Webhooks.sign(TargetsTestResource.WEBHOOK_SECRET, c[1])));
        assertThat(TargetsTestResource.WEBHOOK_CALLS).noneMatch(c -> c[1].contains("\"project\":\"hr\""));
    }

    @Test
    void aBlockingVerdictBlocksTheRolloutBeforeAnythingRuns() {
        String rolloutId = hrRollout(Verdict.ERROR);

        await().atMost(WAIT).until(() -> status(rolloutId).equals("BLOCKED"));
        assertThat(rollout(rolloutId).getString("message")).contains(target("hr_prod") + " (ERROR)");
        assertThat(Targets.query("hr_test", "SELECT count(*) FROM pg_namespace WHERE nspname = 'converge'")).containsExactly("0");
    }

    @Test
    void restApiNeedsATokenAndAnswersClearly() {
        given().get("/v1/rollouts/nope").then().statusCode(401);
        given().header("Authorization", "Bearer " + token("vic")).get("/v1/rollouts/nope")
                .then().statusCode(404).body("message", is("no rollout 'nope'"));
        given().header("Authorization", "Bearer " + token("vic")).get("/v1/projects/nope/rollouts")
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + token("vic")).get("/v1/projects/hr/rollouts").then().statusCode(200);
        given().header("Authorization", "Bearer " + token("vic")).get("/v1/projects/hr/rollouts?limit=ten").then()
                .statusCode(400).contentType("application/json").body("code", is("BAD_REQUEST"))
                .body("message", containsString("'limit'"));
        given().header("Authorization", "Bearer " + token("bob")).contentType("application/json").body("{}")
                .post("/v1/rollouts/x/stages/prod:launch").then().statusCode(404).body("message", containsString(":approve"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/rollouts/{id}/stages/{stageAndVerb}")).body(containsString(":approve"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Project hr from BASE to DESIRED on hr_test and hr_prod: submitted, both planned, test reviewed PASS and prod
     * with {@code prodVerdict}. Returns the rollout's id.
     */
    String hrRollout(Verdict prodVerdict) {
        Targets.reset("hr_test", BASE);
        Targets.reset("hr_prod", BASE);
        String submissionId = UUID.randomUUID().toString();
        submit(submissionId, "hr", List.of(target("hr_test"), target("hr_prod")));
        publishPlanAndReview(Targets.plan(submissionId, "hr", "hr_test", "test", DESIRED), Verdict.PASS);
        publishPlanAndReview(Targets.plan(submissionId, "hr", "hr_prod", "prod", DESIRED), prodVerdict);
        return Rollout.idFor(submissionId);
    }

    void submit(String submissionId, String project, List<String> targets) {
        SubmissionAccepted s = new SubmissionAccepted(EventIds.of("submission", submissionId), Instant.now(), submissionId,
                project, Mode.ROLLOUT, List.of(new StateFile("schemas/app.sql", DESIRED, "x")), targets, null,
                new VcsMetadata("acme/hr", null, "abc123", "alice"), "alice");
        KafkaClients.send(bootstrapServers, Topics.SUBMISSIONS, s.key(), Json.encode(s));
    }

    void publishPlanAndReview(PlanComputed plan, Verdict verdict) {
        KafkaClients.send(bootstrapServers, Topics.PLANS, plan.key(), Json.encode(plan));
        ReviewCompleted review = new ReviewCompleted(EventIds.of("review", plan.eventId()), Instant.now(),
                plan.submissionId(), plan.project(), plan.target(), plan.environment(), plan.eventId(), plan.planHash(),
                List.of(), verdict, List.of());
        KafkaClients.send(bootstrapServers, Topics.REVIEWS, review.key(), Json.encode(review));
    }

    static JsonPath rollout(String id) {
        return given().header("Authorization", "Bearer " + token("vic")).get("/v1/rollouts/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    static String status(String id) {
        int code = given().header("Authorization", "Bearer " + token("vic")).get("/v1/rollouts/" + id).statusCode();
        return code == 200 ? rollout(id).getString("status") : "absent";
    }
}
