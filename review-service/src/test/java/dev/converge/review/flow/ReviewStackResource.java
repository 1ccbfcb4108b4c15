package dev.converge.review.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.converge.common.json.Json;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the review flow needs around the service: a stub of the OpenAI chat-completions API (WireMock) whose
 * answers depend on the table named in the prompt, and a target database with rows for the data-aware pre-check.
 * The target database is named {@code rv_target_<random>} and dropped at the end.
 */
public class ReviewStackResource implements QuarkusTestResourceLifecycleManager {
    static final String TARGET_DB_PROPERTY = "test.review.target-db";
    static final long TIMEOUT_MS = 5000;

    private WireMockServer wireMock;
    private PostgresServer postgres;
    private String targetDb;

    @Override
    public Map<String, String> start() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        stubAnswer("\\\"fakeTable\\\"", findings(List.of(Map.of("rule", "All table names must be in snake_case",
                "severity", "ERROR", "statement", 0, "message", "table \"fakeTable\" is not snake_case",
                "suggestion", "rename it to fake_table", "file", "schemas/app.sql", "line", 1),
                Map.of("rule", "All table names must be in snake_case", "severity", "WARNING", "statement", 9,
                        "message", "cites a statement that does not exist"))), 0);
        stubAnswer("fake_table", findings(List.of()), 0);
        stubAnswer("cached_table", findings(List.of()), 0);
        stubAnswer("slow_table", findings(List.of()), 3 * TIMEOUT_MS);
        stubAnswer("garbled_table", "Looks fine to me, but the table name could be better.", 0);

        postgres = PostgresFinder.find();
        targetDb = "rv_target_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        postgres.createDatabase(targetDb);
        try (Connection c = postgres.connect(targetDb); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE public.employee (id bigint PRIMARY KEY, email text)");
            s.execute("INSERT INTO public.employee SELECT g, CASE WHEN g % 4 = 0 THEN NULL ELSE 'e' || g END "
                    + "FROM generate_series(1, 20) g");
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare target database " + targetDb + ": " + e.getMessage(), e);
        }

        Map<String, String> props = new HashMap<>();
        props.put("converge.review.ai.provider", "openai-compatible");
        props.put("converge.review.ai.base-url", wireMock.baseUrl() + "/v1");
        props.put("converge.review.ai.api-key", "test-key");
        props.put("converge.review.ai.model", "stub-model");
        props.put("converge.review.ai.timeout-ms", String.valueOf(TIMEOUT_MS));
        props.put("converge.review.ai.on-failure", "open");
        props.put("converge.review.ai.environments.prod.on-failure", "closed");
        props.put("converge.instances.local.host", postgres.host());
        props.put("converge.instances.local.port", String.valueOf(postgres.port()));
        props.put("converge.instances.local.username", postgres.user());
        if (postgres.password() != null) {
            props.put("converge.instances.local.password", postgres.password());
        }
        props.put("converge.environments.test.policy", "automatic");
        props.put("converge.environments.prod.after", "test");
        props.put("converge.projects.hr.environments.test.targets", "local/" + targetDb);
        props.put(TARGET_DB_PROPERTY, targetDb);
        return props;
    }

    private void stubAnswer(String promptContains, String content, long delayMs) {
        String body = Json.encode(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1,
                "model", "stub-model", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
        wireMock.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(promptContains))
                .willReturn(okJson(body).withFixedDelay((int) delayMs)));
    }

    private static String findings(List<Map<String, Object>> findings) {
        return Json.encode(Map.of("findings", findings));
    }

    @Override
    public void stop() {
        if (wireMock != null) {
            wireMock.stop();
        }
        if (postgres != null) {
            try {
                postgres.dropDatabase(targetDb);
            } finally {
                postgres.close();
            }
        }
    }
}
