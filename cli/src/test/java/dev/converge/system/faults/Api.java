package dev.converge.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The REST calls the fault tests make (submit to ingest, read submissions and rollouts). Reads answer null while
 * the service is down, so a test can poll across a kill and restart.
 */
final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Supplier<String> ingestUrl;
    private final Supplier<String> rolloutUrl;
    private final String token;

    Api(Supplier<String> ingestUrl, Supplier<String> rolloutUrl, String token) {
        this.ingestUrl = ingestUrl;
        this.rolloutUrl = rolloutUrl;
        this.token = token;
    }

    /** POSTs a submission of one state file; returns its id. Fails the test on anything but 2xx. */
    String submit(String project, String mode, String sql) {
        Map<String, Object> body = Map.of("mode", mode,
                "files", List.of(Map.of("path", "schemas/app.sql", "content", sql)));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl.get() + "/v1/projects/" + project + "/submissions"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("submission to " + project + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new AssertionError("cannot submit to " + project + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    JsonNode submission(String id) {
        return get(ingestUrl.get() + "/v1/submissions/" + id);
    }

    /** The newest submission of the project, or null. */
    JsonNode latestSubmission(String project) {
        JsonNode page = get(ingestUrl.get() + "/v1/projects/" + project + "/submissions?limit=1");
        return page == null || page.path("items").isEmpty() ? null : page.path("items").get(0);
    }

    JsonNode rollout(String id) {
        return get(rolloutUrl.get() + "/v1/rollouts/" + id);
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Json.mapper().readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
