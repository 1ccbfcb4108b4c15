package dev.converge.cli.check;

import dev.converge.common.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.common.json.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The few calls {@code converge check} makes to ingest-service, with the JDK HTTP client. */
public class IngestClient {
    private static final ObjectMapper JSON = Json.mapper();

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;

    public IngestClient(URI base, String token, Duration requestTimeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The id of the accepted submission. */
    public String submit(String project, Map<String, Object> body, String idempotencyKey) throws ServerError, IOException {
        HttpRequest.Builder request = request("v1/projects/" + project + "/submissions")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        JsonNode answer = send(request.build());
        return answer.path("id").asText();
    }

    public CheckResult.Fetched get(String submissionId) throws ServerError, IOException {
        JsonNode raw = send(request("v1/submissions/" + submissionId).GET().build());
        return new CheckResult.Fetched(JSON.treeToValue(raw, CheckResult.class), raw);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest request) throws ServerError, IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("cannot connect to " + base + " (is ingest-service running?)", e);
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer from " + base + " within " + requestTimeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            if (body == null) {
                throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + " without a JSON body");
            }
            return body;
        }
        if (body != null && body.hasNonNull("code")) {
            List<ServerError.Detail> details = body.has("details")
                    ? List.of(JSON.treeToValue(body.get("details"), ServerError.Detail[].class)) : List.of();
            throw new ServerError(response.statusCode(), body.get("code").asText(), body.path("message").asText(), details);
        }
        String text = response.body() == null ? "" : response.body().strip();
        throw new ServerError(response.statusCode(), "HTTP_" + response.statusCode(), request.method() + " "
                + request.uri() + " answered " + response.statusCode() + (text.isEmpty() ? "" : ": "
                + Text.abbreviate(text, 300)), List.of());
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
