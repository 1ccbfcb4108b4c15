package dev.converge.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation a service documents in its OpenAPI document, and what each answers to a caller without a token.
 * Used by the services' security tests so that a new endpoint is covered without anyone listing it.
 */
public final class OpenApiEndpoints {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One documented operation; {@code path} is the template as documented, e.g. {@code /v1/rollouts/{id}}. */
    public record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What an endpoint answered. */
    public record Answer(Endpoint endpoint, int status, String contentType, String body) {
    }

    private OpenApiEndpoints() {
    }

    /** Fetches {@code /q/openapi?format=json} from {@code baseUrl} and lists its operations in document order. */
    public static List<Endpoint> list(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (doc.statusCode() != 200) {
            throw new IllegalStateException("GET /q/openapi answered " + doc.statusCode());
        }
        List<Endpoint> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = Json.mapper().readTree(doc.body()).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    out.add(new Endpoint(m.toUpperCase(java.util.Locale.ROOT), path.getKey()));
                }
            });
        }
        return out;
    }

    /**
     * Calls the endpoint without an {@code Authorization} header: path parameters become {@code probe}, bodies are
     * {@code {}} as JSON. A streaming endpoint that accepted the call would not end, hence the read timeout.
     */
    public static Answer callWithoutToken(String baseUrl, Endpoint endpoint) throws IOException, InterruptedException {
        String path = endpoint.path().replaceAll("\\{[^}]+}", "probe");
        HttpRequest.BodyPublisher body = endpoint.method().equals("GET") || endpoint.method().equals("HEAD")
                || endpoint.method().equals("DELETE") || endpoint.method().equals("OPTIONS")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .method(endpoint.method(), body)
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(endpoint, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(endpoint, -1, "", "no answer within 15 s (a stream was opened?)");
        }
    }
}
