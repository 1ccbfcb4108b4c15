package dev.converge.review.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.converge.common.Topics;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Finding;
import dev.converge.common.events.FindingSource;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.Severity;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.events.SubjectType;
import dev.converge.common.events.Verdict;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The review flow end to end: a plan on converge.plans.v1, the rules, the target pre-check over the reactive PG
 * client, the AI review through the real LangChain4j OpenAI client against a WireMock stub of the chat API, and
 * the review and status events on converge.reviews.v1 / converge.status.v1.
 */
@QuarkusTest
@QuarkusTestResource(value = ReviewStackResource.class, restrictToAnnotatedClass = true)
class ReviewFlowTest {
    static final String RULES = "# Team rules\n\n- All table names must be in snake_case\n";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool pool;

    /** Read when used, not injected: other test classes start the application without this class's resource. */
    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    static PlanComputed plan(String target, String environment, List<String> sql, String files, String rules) {
        String submission = UUID.randomUUID().toString();
        List<PlannedStatement> statements = new java.util.ArrayList<>();
        for (int i = 0; i < sql.size(); i++) {
            statements.add(new PlannedStatement(i, sql.get(i), List.of(), true, 3000, 60000));
        }
        return new PlanComputed(EventIds.of("plan", submission, target), Instant.now(), submission, "hr", target,
                environment, Mode.CHECK, "base", "desired", "planhash", statements, List.of(), files,
                List.of(new StateFile("schemas/app.sql", files, null)), rules);
    }

    private ReviewCompleted reviewOf(PlanComputed plan) {
        KafkaClients.send(bootstrapServers, Topics.PLANS, plan.key(), Json.encode(plan));
        List<ConsumerRecord<String, String>> seen = KafkaClients.readUntil(bootstrapServers, Topics.REVIEWS,
                Duration.ofSeconds(60), r -> r.value().contains(plan.eventId()));
        assertThat(seen).as("a review of plan %s", plan.eventId()).isNotEmpty();
        return Json.decode(seen.get(seen.size() - 1).value(), ReviewCompleted.class);
    }

    private WireMock stub() {
        URI uri = URI.create(config("converge.review.ai.base-url"));
        return WireMock.create().host(uri.getHost()).port(uri.getPort()).build();
    }

    @Test
    void camelCaseTableGetsAnAiFindingFromTheModelAndARuleFinding() {
        String sql = "CREATE TABLE \"public\".\"fakeTable\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)";
        ReviewCompleted review = reviewOf(plan("local/a_db", "test", List.of(sql),
                sql + ";\nCOMMENT ON TABLE \"fakeTable\" IS 'x';\n", RULES));

        assertThat(review.findings()).filteredOn(f -> f.source() == FindingSource.AI).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("All table names must be in snake_case");
            assertThat(f.statementIndex()).isZero();
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().toString()).isEqualTo("schemas/app.sql:1");
        });
        assertThat(review.findings()).filteredOn(f -> f.source() == FindingSource.RULE)
                .extracting(Finding::ruleId).contains("naming.table-snake-case");
        assertThat(review.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(review.notices()).anyMatch(n -> n.contains("1 finding(s) dropped"));

        List<ConsumerRecord<String, String>> status = KafkaClients.readUntil(bootstrapServers, Topics.STATUS,
                Duration.ofSeconds(30), r -> r.value().contains(review.submissionId()));
        StatusChanged changed = Json.decode(status.get(status.size() - 1).value(), StatusChanged.class);
        assertThat(changed.subjectType()).isEqualTo(SubjectType.REVIEW);
        assertThat(changed.attributes()).containsEntry("verdict", "ERROR");
    }

    @Test
    void aRedeliveredPlanIsReviewedIntoTheOutboxOnce() {
        String sql = "CREATE TABLE \"public\".\"fake_table\" (id bigint PRIMARY KEY)";
        PlanComputed plan = plan("local/c_db", "test", List.of(sql), sql + ";\nCOMMENT ON TABLE fake_table IS 'x';\n", RULES);
        KafkaClients.send(bootstrapServers, Topics.PLANS, plan.key(), Json.encode(plan));
        reviewOf(plan); // sends it a second time and waits for the review
        String reviewId = EventIds.of("review", plan.eventId());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/metrics").asString()
                .contains("converge_events_duplicates_total{topic=\"" + Topics.PLANS + "\"}"));
        Long rows = pool.preparedQuery("select count(*) from review.outbox where event_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(reviewId)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
        assertThat(rows).isEqualTo(1L);
    }

    @Test
    void snakeCaseTablePasses() {
        String sql = "CREATE TABLE \"public\".\"fake_table\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)";
        ReviewCompleted review = reviewOf(plan("local/a_db", "test", List.of(sql),
                sql + ";\nCOMMENT ON TABLE fake_table IS 'x';\n", RULES));
        assertThat(review.findings()).isEmpty();
        assertThat(review.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void twoTargetsWithTheSamePlanCauseOneModelCall() {
        String sql = "CREATE TABLE public.cached_table (id bigint PRIMARY KEY)";
        String files = sql + ";\nCOMMENT ON TABLE cached_table IS 'x';\n";
        ReviewCompleted first = reviewOf(plan("local/a_db", "test", List.of(sql), files, RULES));
        ReviewCompleted second = reviewOf(plan("local/b_db", "test", List.of(sql), files, RULES));
        assertThat(first.verdict()).isEqualTo(Verdict.PASS);
        assertThat(second.verdict()).isEqualTo(Verdict.PASS);
        assertThat(stub().find(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("cached_table")))).hasSize(1);
    }

    @Test
    void modelTimeoutFailOpenCompletesWithANotice() {
        String sql = "CREATE TABLE public.slow_table (id bigint PRIMARY KEY)";
        ReviewCompleted review = reviewOf(plan("local/a_db", "test", List.of(sql),
                sql + ";\nCOMMENT ON TABLE slow_table IS 'x';\n", RULES));
        assertThat(review.verdict()).isEqualTo(Verdict.PASS);
        assertThat(review.notices()).anyMatch(n -> n.startsWith("AI review unavailable: timeout"));
    }

    @Test
    void modelTimeoutFailClosedIsAnError() {
        String sql = "CREATE TABLE public.slow_table (id bigint PRIMARY KEY, note text)";
        ReviewCompleted review = reviewOf(plan("local/p_db", "prod", List.of(sql),
                sql + ";\nCOMMENT ON TABLE slow_table IS 'x';\n", RULES));
        assertThat(review.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(review.findings()).filteredOn(f -> f.ruleId().equals("ai.unavailable")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("timeout", "fail-closed"));
    }

    @Test
    void malformedModelOutputIsReportedNotTrusted() {
        String sql = "CREATE TABLE public.garbled_table (id bigint PRIMARY KEY)";
        ReviewCompleted review = reviewOf(plan("local/a_db", "test", List.of(sql),
                sql + ";\nCOMMENT ON TABLE garbled_table IS 'x';\n", RULES));
        assertThat(review.findings()).noneMatch(f -> f.source() == FindingSource.AI);
        assertThat(review.notices()).contains("AI review unavailable: the model's answer is not JSON");
    }

    @Test
    void notNullPreCheckReportsTheRealNumberOfNullRowsOnTheTarget() {
        String sql = "ALTER TABLE public.employee ALTER COLUMN email SET NOT NULL";
        String targetDb = config(ReviewStackResource.TARGET_DB_PROPERTY);
        ReviewCompleted review = reviewOf(plan("local/" + targetDb, "test", List.of(sql),
                "CREATE TABLE employee (id bigint PRIMARY KEY, email text NOT NULL);\n", null));
        assertThat(review.findings()).filteredOn(f -> f.ruleId().equals("data.not-null-violations")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).startsWith("5 row(s) of public.employee have NULL in email");
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                });
        assertThat(review.notices()).contains("AI review skipped: the submission has no custom rules");
    }
}
