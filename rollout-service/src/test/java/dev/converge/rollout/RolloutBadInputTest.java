package dev.converge.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad request bodies and parameters on every rollout endpoint that takes them: each answers a 4xx with the service's
 * {@code {"code", "message"}} error naming the field or the problem, never a 500, an empty body, a stack trace or a
 * Jackson class name. The body is read before the rollout is looked up, so an unknown rollout id is enough: a body
 * that passes answers 404 for that rollout. Same resources as {@link RolloutServiceShellTest}, so Quarkus starts once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "db-prefix", value = "fnd_rollout_"))
class RolloutBadInputTest {
    /** The viewer account of the test profile ({@code %test.converge.auth.accounts.shell-test.*}). */
    private static final String TOKEN = "shell-test-token";

    /** approve, reject, cancel and retry: the four endpoints that read a {@code {"comment": …}} body. */
    private static final List<String> DECISIONS = List.of(
            "/v1/rollouts/no-such-rollout/stages/prod:approve",
            "/v1/rollouts/no-such-rollout/stages/prod:reject",
            "/v1/rollouts/no-such-rollout:cancel",
            "/v1/rollouts/no-such-rollout/tasks/prod-1:retry");

    private static Response post(String path, String contentType, String body) {
        RequestSpecification request = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + TOKEN);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            // bytes keep the JSON exactly as written; RestAssured encodes a form body only from text
            if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                request.body(body);
            } else {
                request.body(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        return request.post(path);
    }

    /** The answer is {@code status} with a JSON {@code code} and a message a person can read; returns the message. */
    private static String refused(Response response, int status, String code) {
        String text = response.asString();
        assertThat(response.statusCode()).as(text).isEqualTo(status);
        assertThat(response.contentType()).as(text).startsWith("application/json");
        JsonNode error = Json.decode(text, JsonNode.class);
        assertThat(error.path("code").asText()).as(text).isEqualTo(code);
        String message = error.path("message").asText();
        assertThat(message).as(text).hasSizeGreaterThan(10).doesNotContain("\n\tat ").doesNotContain("Exception")
                .doesNotContain("com.fasterxml").doesNotContain("dev.converge").doesNotContain("[Source:");
        return message;
    }

    @Test
    void malformedJsonOnEveryDecisionEndpointNamesTheProblem() {
        for (String path : DECISIONS) {
            String message = refused(post(path, "application/json", "{\"comment\": \"ship it\""), 400, "MALFORMED_JSON");
            assertThat(message).as(path).contains("not valid JSON").contains("line 1");
            refused(post(path, "application/json", "comment=ship+it"), 400, "MALFORMED_JSON");
        }
    }

    @Test
    void anArrayInsteadOfTheObjectIsRefusedAsTheWrongShape() {
        for (String path : DECISIONS) {
            assertThat(refused(post(path, "application/json", "[\"ship it\"]"), 400, "INVALID_REQUEST"))
                    .as(path).contains("request body").contains("expected object");
        }
    }

    @Test
    void aStringOrNumberInsteadOfTheObjectIsRefusedAsTheWrongShape() {
        invalidOnEveryDecision("\"ship it\"", "request body");
        invalidOnEveryDecision("42", "request body");
    }

    @Test
    void aCommentThatIsNotTextNamesTheCommentField() {
        invalidOnEveryDecision("{\"comment\": {\"text\": \"ship it\"}}", "'comment'", "expected string");
        invalidOnEveryDecision("{\"comment\": [\"ship\", \"it\"]}", "'comment'");
    }

    /** A misspelt comment would otherwise vanish from the audit trail without a word. */
    @Test
    void aMisspeltFieldIsRefusedNamingItAndTheCommentField() {
        invalidOnEveryDecision("{\"commment\": \"ship it\"}", "'commment' is unknown", "[comment]");
    }

    /** Every decision endpoint answers the JSON {@code body} with 400 INVALID_REQUEST whose message has {@code mentions}. */
    private static void invalidOnEveryDecision(String body, String... mentions) {
        for (String path : DECISIONS) {
            String message = refused(post(path, "application/json", body), 400, "INVALID_REQUEST");
            for (String mention : mentions) {
                assertThat(message).as(path).contains(mention);
            }
        }
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeAnswers415WithJson() {
        for (String path : DECISIONS) {
            assertThat(refused(post(path, "text/plain", "{\"comment\": \"ship it\"}"), 415, "UNSUPPORTED_MEDIA_TYPE"))
                    .as(path).contains("application/json");
            refused(post(path, "application/x-www-form-urlencoded", "comment=ship+it"), 415, "UNSUPPORTED_MEDIA_TYPE");
            assertThat(refused(post(path, null, null), 415, "UNSUPPORTED_MEDIA_TYPE")).as(path + " without a body")
                    .contains("application/json");
        }
    }

    /**
     * The comment is optional: an empty body, JSON null or {} all reach the rollout, which does not exist here. (Without
     * a Content-Type the request is refused with 415 like any other, see above.)
     */
    @Test
    void anEmptyOrNullBodyMeansNoCommentAndReachesTheRollout() {
        for (String path : DECISIONS) {
            for (String body : new String[] {"", "null", "{}", "{\"comment\": null}"}) {
                assertThat(refused(post(path, "application/json", body), 404, "NOT_FOUND")).as(path + " " + body)
                        .contains("no-such-rollout");
            }
        }
    }

    @Test
    void anUnknownVerbNamesTheVerbsThatExist() {
        assertThat(refused(post("/v1/rollouts/no-such-rollout/stages/prod:aprove", "application/json", "{}"), 404, "NOT_FOUND"))
                .contains("prod:aprove").contains("<name>:approve");
        assertThat(refused(post("/v1/rollouts/no-such-rollout:delete", "application/json", "{}"), 404, "NOT_FOUND"))
                .contains("<name>:cancel");
    }

    @Test
    void aMethodTheEndpointDoesNotHaveAnswers405WithJson() {
        refused(given().header("Authorization", "Bearer " + TOKEN).contentType("application/json").body("{}")
                .put("/v1/rollouts/no-such-rollout/stages/prod:approve"), 405, "METHOD_NOT_ALLOWED");
        refused(given().header("Authorization", "Bearer " + TOKEN).delete("/v1/rollouts/no-such-rollout"), 405,
                "METHOD_NOT_ALLOWED");
    }

    @Test
    void withoutATokenABadBodyIsUnauthenticatedBeforeItIsMalformed() {
        for (String path : DECISIONS) {
            refused(given().urlEncodingEnabled(false).contentType("application/json").body("{\"comment\": ".getBytes(StandardCharsets.UTF_8))
                    .post(path), 401, "UNAUTHENTICATED");
            refused(given().urlEncodingEnabled(false).header("Authorization", "Bearer not-a-token").contentType("text/plain")
                    .body("hello").post(path), 401, "UNAUTHENTICATED");
        }
    }

    /** A resumed stream must continue after an event it sent; an id it never sent would silently replay or skip. */
    @Test
    void aLastEventIdThisStreamDidNotSendIsRefusedNamingTheHeader() {
        for (String id : List.of("abc", "-1", "12.5", "99999999999999999999")) {
            Response response = given().header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", id).get("/v1/events");
            assertThat(refused(response, 400, "BAD_REQUEST")).as(id).contains("Last-Event-ID").contains(id);
        }
    }
}
