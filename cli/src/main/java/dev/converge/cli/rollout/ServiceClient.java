package dev.converge.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.common.json.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** JSON over HTTP to one Converge service with a bearer token; errors become one-line {@link CallFailed}s. */
final class ServiceClient {
    private static final ObjectMapper JSON = Json.mapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ServiceClient(String base, String token) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.token = token;
    }

    /** A refused or failed call; {@link #status} is the HTTP status, 0 when the service was unreachable. */
    static final class CallFailed extends Exception {
        final int status;

        CallFailed(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    JsonNode get(String path) throws CallFailed {
        return send(request(path).GET().build());
    }

    /** GET that answers null on 404 (the resource does not exist yet). */
    JsonNode find(String path) throws CallFailed {
        try {
            return get(path);
        } catch (CallFailed e) {
            if (e.status == 404) {
                return null;
            }
            throw e;
        }
    }

    JsonNode post(String path, Object body, Map<String, String> headers) throws CallFailed {
        HttpRequest.Builder r;
        try {
            r = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new CallFailed(0, "cannot encode the request: " + e.getMessage());
        }
        headers.forEach(r::header);
        return send(r.build());
    }

    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest request) throws CallFailed {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CallFailed(0, "cannot connect to " + base + " (is the service running?)");
        } catch (HttpTimeoutException e) {
            throw new CallFailed(0, "no answer from " + base + " within 60 s");
        } catch (IOException e) {
            throw new CallFailed(0, request.method() + " " + request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(0, "interrupted");
        }
        JsonNode body = null;
        try {
            body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            // not JSON: reported below with the raw text
        }
        if (response.statusCode() / 100 == 2) {
            return body == null ? JSON.createObjectNode() : body;
        }
        String message = body != null && body.hasNonNull("message") ? body.get("message").asText()
                : response.body() == null ? "" : response.body().strip();
        throw new CallFailed(response.statusCode(), request.method() + " " + request.uri().getPath() + " answered "
                + response.statusCode() + (message.isEmpty() ? "" : ": " + message));
    }
}
