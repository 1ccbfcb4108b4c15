package dev.converge.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.common.json.Json;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of the GitHub REST API that {@code converge check} uses: list, create and update issue comments.
 * Keeps comments in memory so tests can assert what a pull request ends up showing.
 */
final class FakeGitHub implements AutoCloseable {
    static final String TOKEN = "ghs_test_token";
    final Map<Long, String> comments = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    final StubServer server;

    FakeGitHub(String repository, int pullRequest) throws IOException {
        String base = "/repos/" + repository + "/issues/";
        server = new StubServer(r -> {
            if (!("Bearer " + TOKEN).equals(r.authorization())) {
                return new StubServer.Reply(401, "{\"message\":\"Bad credentials\"}");
            }
            synchronized (comments) {
                if (r.method().equals("GET") && r.path().equals(base + pullRequest + "/comments")) {
                    ArrayNode list = Json.mapper().createArrayNode();
                    // A foreign comment first: the marker, not the position, identifies ours.
                    list.addObject().put("id", 1).put("body", "LGTM");
                    comments.forEach((id, body) -> list.addObject().put("id", id).put("body", body));
                    return new StubServer.Reply(200, list.toString());
                }
                if (r.method().equals("POST") && r.path().equals(base + pullRequest + "/comments")) {
                    long id = ids.incrementAndGet();
                    comments.put(id, body(r));
                    return new StubServer.Reply(201, Json.mapper().createObjectNode().put("id", id).toString());
                }
                if (r.method().equals("PATCH") && r.path().startsWith(base + "comments/")) {
                    long id = Long.parseLong(r.path().substring((base + "comments/").length()));
                    if (!comments.containsKey(id)) {
                        return new StubServer.Reply(404, "{\"message\":\"Not Found\"}");
                    }
                    comments.put(id, body(r));
                    ObjectNode answer = Json.mapper().createObjectNode().put("id", id);
                    return new StubServer.Reply(200, answer.toString());
                }
            }
            return new StubServer.Reply(404, "{\"message\":\"Not Found\"}");
        });
    }

    private static String body(StubServer.Request r) {
        try {
            JsonNode node = Json.mapper().readTree(r.body());
            return node.path("body").asText();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
