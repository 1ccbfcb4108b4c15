package dev.converge.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.Hashing;
import dev.converge.common.Topics;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Finding;
import dev.converge.common.events.FindingSource;
import dev.converge.common.events.Hazard;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.Severity;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.events.Verdict;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaClients;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@TestProfile(IngestTestProfile.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "db-prefix", value = "ck_ingest_"))
class SubmissionApiTest {
    private static final String TABLE = "CREATE TABLE hr.employees (id bigint PRIMARY KEY);\n";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static Map<String, Object> body(Object files) {
        return Map.of("mode", "CHECK", "files", files);
    }

    private static List<Map<String, String>> oneFile(String path, String content) {
        return List.of(Map.of("path", path, "content", content));
    }

    private static ValidatableResponse submit(String token, Object body) {
        return submit(token, body, null);
    }

    private static ValidatableResponse submit(String token, Object body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/v1/projects/hr/submissions").then();
    }

    private static String postRaw(String json) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + IngestTestProfile.CI)
                .body(json).post("/v1/projects/hr/submissions").then().statusCode(400)
                .body("code", not(nullValue())).extract().asString();
    }

    @Test
    void acceptsASubmissionAndPublishesSubmissionAcceptedOnce() {
        Map<String, Object> request = Map.of("mode", "CHECK", "files", oneFile("schemas/hr.sql", TABLE),
                "targets", List.of("instances/demo/databases/hr_prod"), "customRules", "# rules",
                "vcs", Map.of("repository", "acme/hr", "pullRequest", "7", "commit", "abc", "author", "dev1"));
        String id = submit(IngestTestProfile.CI, request).statusCode(202)
                .header("Location", containsString("/v1/submissions/"))
                .body("url", startsWith("/v1/submissions/"))
                .extract().path("id");

        List<ConsumerRecord<String, String>> records = KafkaClients.readUntil(bootstrapServers, Topics.SUBMISSIONS,
                Duration.ofSeconds(60), r -> id.equals(r.key()));
        assertThat(records).as("SubmissionAccepted on " + Topics.SUBMISSIONS).isNotEmpty();
        SubmissionAccepted event = Json.decode(records.get(records.size() - 1).value(), SubmissionAccepted.class);
        assertThat(event.submissionId()).isEqualTo(id);
        assertThat(event.targets()).containsExactly("demo/hr_prod");
        assertThat(event.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("schemas/hr.sql");
            assertThat(f.sha256()).isEqualTo(Hashing.sha256Hex(TABLE));
        });
        assertThat(event.submittedBy()).isEqualTo("ci");
        assertThat(event.vcs().pullRequest()).isEqualTo("7");
        assertThat(event.customRules()).isEqualTo("# rules");

        given().header("Authorization", "Bearer " + IngestTestProfile.VIEWER).get("/v1/submissions/" + id).then()
                .statusCode(200).body("status", is("PLANNING")).body("targets", hasSize(1))
                .body("targets[0].target", is("demo/hr_prod")).body("targets[0].environment", is("prod"))
                .body("targets[0].review.status", is("PENDING"));
    }

    @Test
    void refusesCallsWithoutAValidTokenOrRole() {
        submit(null, body(oneFile("a.sql", TABLE))).statusCode(401).body("code", is("UNAUTHENTICATED"));
        submit("wrong", body(oneFile("a.sql", TABLE))).statusCode(401);
        submit(IngestTestProfile.VIEWER, body(oneFile("a.sql", TABLE))).statusCode(403)
                .body("message", containsString("submitter"));
        given().get("/v1/submissions/x").then().statusCode(401);
        given().header("Authorization", "Bearer " + IngestTestProfile.SUBMITTER).get("/v1/submissions/x").then()
                .statusCode(403).body("message", containsString("viewer"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameSubmissionAnotherBodyConflicts() {
        String key = UUID.randomUUID().toString();
        String first = submit(IngestTestProfile.CI, body(oneFile("a.sql", TABLE)), key).statusCode(202)
                .body("replayed", is(false)).extract().path("id");
        // The same content sent as base64 is the same request.
        String b64 = Base64.getEncoder().encodeToString(TABLE.getBytes(StandardCharsets.UTF_8));
        submit(IngestTestProfile.CI, body(List.of(Map.of("path", "a.sql", "contentBase64", b64))), key).statusCode(202)
                .header("Idempotent-Replayed", "true").body("id", is(first)).body("replayed", is(true));
        submit(IngestTestProfile.CI, body(oneFile("a.sql", TABLE + "-- changed\n")), key).statusCode(409)
                .body("code", is("IDEMPOTENCY_KEY_REUSED")).body("message", containsString(first));
        String other = submit(IngestTestProfile.CI, body(oneFile("a.sql", TABLE)), UUID.randomUUID().toString())
                .statusCode(202).extract().path("id");
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void refusesUnknownProjectsAndTargets() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + IngestTestProfile.CI)
                .body(body(oneFile("a.sql", TABLE))).post("/v1/projects/payroll/submissions").then()
                .statusCode(404).body("code", is("UNKNOWN_PROJECT")).body("message", containsString("payroll"));
        submit(IngestTestProfile.CI, Map.of("mode", "CHECK", "files", oneFile("a.sql", TABLE), "targets",
                List.of("demo/hr_stage"))).statusCode(422).body("code", is("UNKNOWN_TARGET"))
                .body("details[0].field", is("targets[0]")).body("details[0].message", containsString("demo/hr_stage"));
    }

    @Test
    void refusesEmptyFileSetsBadPathsAndBadContent() {
        submit(IngestTestProfile.CI, body(List.of())).statusCode(400).body("code", is("EMPTY_FILE_SET"));
        submit(IngestTestProfile.CI, body(oneFile("../../etc/passwd", TABLE))).statusCode(400)
                .body("code", is("INVALID_PATH")).body("details[0].field", is("files[0].path"));
        submit(IngestTestProfile.CI, body(oneFile("/abs/a.sql", TABLE))).statusCode(400)
                .body("details[0].message", containsString("absolute"));
        submit(IngestTestProfile.CI, body(oneFile("a.sql", "CREATE TABLE t ();\n\u0000"))).statusCode(400)
                .body("code", is("INVALID_CONTENT")).body("details[0].file", is("a.sql")).body("details[0].line", is(2));
        byte[] latin1 = "-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        submit(IngestTestProfile.CI, body(List.of(Map.of("path", "l.sql", "contentBase64",
                Base64.getEncoder().encodeToString(latin1))))).statusCode(400)
                .body("code", is("INVALID_CONTENT")).body("message", containsString("not valid UTF-8"));
        // A lone surrogate escape is valid JSON but not UTF-8 text.
        String raw = postRaw("{\"mode\":\"CHECK\",\"files\":[{\"path\":\"s.sql\",\"content\":\"-- \\ud800\"}]}");
        assertThat(raw).contains("INVALID_CONTENT").contains("surrogate");
    }

    @Test
    void refusesMoreFilesOrBytesThanTheLimitsWith413() {
        List<Map<String, String>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(Map.of("path", "f" + i + ".sql", "content", TABLE));
        }
        submit(IngestTestProfile.CI, body(six)).statusCode(413).body("code", is("TOO_MANY_FILES"));
        submit(IngestTestProfile.CI, body(oneFile("big.sql", "-- " + "x".repeat(20_000)))).statusCode(413)
                .body("code", is("SUBMISSION_TOO_LARGE")).body("message", containsString("20000"));
    }

    @Test
    void refusesStatementsThatDoNotBelongInStateFilesWithFileLineAndColumn() {
        submit(IngestTestProfile.CI, body(List.of(
                Map.of("path", "schemas/a.sql", "content", TABLE),
                Map.of("path", "schemas/b.sql", "content", "CREATE TABLE hr.x (id int);\n\n  DELETE FROM hr.x;\n"))))
                .statusCode(422).body("code", is("STATE_FILE_INVALID"))
                .body("details[0].file", is("schemas/b.sql")).body("details[0].line", is(3))
                .body("details[0].column", is(3)).body("details[0].message", containsString("DELETE"));
    }

    @Test
    void malformedJsonAndWrongTypesGive400WithTheFieldNotAStackTrace() {
        String malformed = postRaw("{\"mode\": \"CHECK\", \"files\": [");
        assertThat(malformed).contains("MALFORMED_JSON").doesNotContain("at com.").doesNotContain("Exception");
        String wrongType = postRaw("{\"mode\": \"CHECK\", \"files\": \"schemas/a.sql\"}");
        assertThat(wrongType).contains("files").doesNotContain("at com.");
        String badMode = postRaw("{\"mode\": \"DEPLOY\", \"files\": []}");
        assertThat(badMode).contains("mode").contains("CHECK").contains("ROLLOUT");
        String noMode = postRaw("{\"files\": [{\"path\":\"a.sql\",\"content\":\"\"}]}");
        assertThat(noMode).contains("mode");
    }

    @Test
    void theReadModelShowsEachTargetsPlanFailureAndReview() {
        String id = submit(IngestTestProfile.CI, body(oneFile("schemas/hr.sql", TABLE))).statusCode(202).extract().path("id");
        Instant now = Instant.now();
        PlanComputed plan = new PlanComputed(EventIds.of(id, "demo/hr_test"), now, id, "hr", "demo/hr_test", "test",
                Mode.CHECK, "base", "desired", "planhash",
                List.of(new PlannedStatement(0, "CREATE TABLE hr.employees (id bigint PRIMARY KEY)",
                        List.of(new Hazard("ACCESS_EXCLUSIVE_LOCK", "locks nothing yet")), true, 5000, 30000)),
                List.of("create table hr.employees"), null);
        PlanFailed failed = new PlanFailed(EventIds.of(id, "demo/hr_prod"), now, id, "hr", "demo/hr_prod", "prod",
                Mode.CHECK, "SHADOW_FAILED", "relation \"hr.x\" does not exist", new SourceLocation("schemas/hr.sql", 3, 1));
        ReviewCompleted review = new ReviewCompleted(EventIds.of(plan.eventId(), "review"), now, id, "hr",
                "demo/hr_test", "test", plan.eventId(), plan.planHash(),
                List.of(new Finding("table-needs-comment", Severity.WARNING, 0, "add COMMENT ON TABLE", FindingSource.RULE,
                        new SourceLocation("schemas/hr.sql", 1, 1), null)), Verdict.WARN, List.of());
        // The review travels on another topic and may overtake its plan; it must still be shown.
        KafkaClients.send(bootstrapServers, Topics.REVIEWS, review.key(), Json.encode(review));
        KafkaClients.send(bootstrapServers, Topics.PLANS, plan.key(), Json.encode(plan));
        KafkaClients.send(bootstrapServers, Topics.PLANS, failed.key(), Json.encode(failed));
        KafkaClients.send(bootstrapServers, Topics.PLANS, plan.key(), Json.encode(plan)); // redelivery

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", "Bearer " + IngestTestProfile.VIEWER).get("/v1/submissions/" + id).then()
                .statusCode(200).body("status", is("COMPLETED")));
        JsonNode view = Json.decode(given().header("Authorization", "Bearer " + IngestTestProfile.VIEWER)
                .get("/v1/submissions/" + id).asString(), JsonNode.class);
        JsonNode test = view.at("/targets/0");
        assertThat(test.at("/target").asText()).isEqualTo("demo/hr_test");
        assertThat(test.at("/status").asText()).isEqualTo("REVIEWED");
        assertThat(test.at("/plan/statements/0/sql").asText()).isEqualTo("CREATE TABLE hr.employees (id bigint PRIMARY KEY)");
        assertThat(test.at("/plan/statements/0/hazards/0/code").asText()).isEqualTo("ACCESS_EXCLUSIVE_LOCK");
        assertThat(test.at("/plan/baseHash").asText()).isEqualTo("base");
        assertThat(test.at("/plan/summary/0").asText()).isEqualTo("create table hr.employees");
        assertThat(test.at("/review/verdict").asText()).isEqualTo("WARN");
        assertThat(test.at("/review/findings/0/ruleId").asText()).isEqualTo("table-needs-comment");
        JsonNode prod = view.at("/targets/1");
        assertThat(prod.at("/status").asText()).isEqualTo("PLAN_FAILED");
        assertThat(prod.at("/errors/0/code").asText()).isEqualTo("SHADOW_FAILED");
        assertThat(prod.at("/errors/0/file").asText()).isEqualTo("schemas/hr.sql");
        assertThat(prod.at("/errors/0/line").asInt()).isEqualTo(3);
    }

    @Test
    void listsAProjectsSubmissionsNewestFirstPageByPage() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(IngestTestProfile.CI, body(oneFile("p" + i + ".sql", TABLE))).statusCode(202).extract().path("id"));
        }
        String viewer = "Bearer " + IngestTestProfile.VIEWER;
        String next = given().header("Authorization", viewer).queryParam("limit", 2).get("/v1/projects/hr/submissions")
                .then().statusCode(200).body("items", hasSize(2)).body("items[0].id", is(ids.get(2)))
                .body("items[1].id", is(ids.get(1))).body("next", is(ids.get(1))).extract().path("next");
        given().header("Authorization", viewer).queryParam("limit", 1).queryParam("after", next)
                .get("/v1/projects/hr/submissions").then().statusCode(200).body("items[0].id", is(ids.get(0)));
        given().header("Authorization", viewer).queryParam("limit", 0).get("/v1/projects/hr/submissions")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().header("Authorization", viewer).get("/v1/submissions/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", is("UNKNOWN_SUBMISSION"));
    }
}
