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
import java.util.function.Predicate;

/**
 * Every operation a service documents in its OpenAPI document, and what each answers to a caller without a token
 * (or with a token lacking a role). Used by ServiceShellContract (every service) and ingest's
 * EveryEndpointNeedsATokenTest, so that a new endpoint is covered without anyone listing it.
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
        return call(baseUrl, endpoint, null);
    }

    /** As {@link #callWithoutToken}, with {@code Authorization: Bearer <token>} when {@code token} is not null. */
    public static Answer call(String baseUrl, Endpoint endpoint, String token) throws IOException, InterruptedException {
        String path = endpoint.path().replaceAll("\\{[^}]+}", "probe");
        HttpRequest.BodyPublisher body = endpoint.method().equals("GET") || endpoint.method().equals("HEAD")
                || endpoint.method().equals("DELETE") || endpoint.method().equals("OPTIONS")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .method(endpoint.method(), body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(endpoint, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(endpoint, -1, "", "no answer within 15 s (a stream was opened?)");
        }
    }

    /** What {@link #refusalsOf} found: the documented operations, how many were called, and those that let a call by. */
    public record Refusals(List<Endpoint> documented, int checked, List<String> notRefused) {
    }

    /**
     * Calls every documented operation of the service at {@code baseUrl} without a token, except
     * {@code publicOnPurpose} (operation as {@code "GET /path/{param}"} → why it is public), and lists those that did
     * not answer 401 with a JSON {@code code} and {@code message}. A public operation that the document does not list
     * is reported too, so that the list of exceptions cannot go stale.
     */
    public static Refusals refusalsOf(String baseUrl, Map<String, String> publicOnPurpose)
            throws IOException, InterruptedException {
        return refusalsOf(baseUrl, publicOnPurpose, null, 401, e -> true);
    }

    /**
     * {@link #refusalsOf(String, Map)}, failing with every operation that let the caller by, and also when the
     * exceptions leave nothing to check; returns the report for further assertions.
     */
    public static Refusals requireATokenEverywhere(String baseUrl, Map<String, String> publicOnPurpose)
            throws IOException, InterruptedException {
        Refusals refusals = refusalsOf(baseUrl, publicOnPurpose);
        if (!refusals.notRefused().isEmpty() || refusals.checked() == 0) {
            throw new AssertionError("operations of " + baseUrl + " that do not refuse a caller without a token (of "
                    + refusals.documented().size() + " documented, " + refusals.checked() + " checked):\n"
                    + String.join("\n", refusals.notRefused()));
        }
        return refusals;
    }

    /** As {@link #refusalsOf(String, Map)} for the operations {@code which} selects, called with {@code token}, expecting {@code status}. */
    public static Refusals refusalsOf(String baseUrl, Map<String, String> publicOnPurpose, String token, int status,
                                      Predicate<Endpoint> which) throws IOException, InterruptedException {
        baseUrl = baseUrl.replaceAll("/+$", "");
        List<Endpoint> endpoints = list(baseUrl);
        List<String> notRefused = new ArrayList<>();
        for (String open : publicOnPurpose.keySet()) {
            if (endpoints.stream().noneMatch(e -> e.toString().equals(open))) {
                notRefused.add(open + " is listed as public but not documented");
            }
        }
        int checked = 0;
        for (Endpoint endpoint : endpoints) {
            if (publicOnPurpose.containsKey(endpoint.toString()) || !which.test(endpoint)) {
                continue;
            }
            Answer answer = call(baseUrl, endpoint, token);
            checked++;
            if (answer.status() != status || !answer.contentType().startsWith("application/json")
                    || !answer.body().contains("\"code\"") || !answer.body().contains("\"message\"")) {
                notRefused.add(endpoint + " -> " + answer.status() + " " + answer.contentType() + " " + answer.body());
            }
        }
        return new Refusals(endpoints, checked, notRefused);
    }
}
