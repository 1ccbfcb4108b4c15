package dev.converge.review.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.events.Finding;
import dev.converge.common.events.FindingSource;
import dev.converge.common.events.Severity;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The reviewer's own logic (skip, cache, policy, validation) with an in-process model double. The same paths are
 * exercised against the real LangChain4j OpenAI client and an HTTP stub in {@code AiReviewOpenAiStubTest}.
 */
class AiReviewerTest {
    private static final String RULES = "All table names must be in snake_case";
    private static final String SQL = "CREATE TABLE \"public\".\"fakeTable\" (id bigint PRIMARY KEY)";

    /** Answers with a fixed text after an optional delay, counting calls. */
    static final class ScriptedModel implements ChatModel {
        final AtomicInteger calls = new AtomicInteger();
        final String answer;
        final long delayMs;

        ScriptedModel(String answer, long delayMs) {
            this.answer = answer;
            this.delayMs = delayMs;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            calls.incrementAndGet();
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
        }
    }

    private static AiSettings settings(String policy, long timeoutMs) {
        return AiSettings.fromProperties(Map.of("converge.review.ai.provider", "openai-compatible",
                "converge.review.ai.base-url", "http://127.0.0.1:1/v1", "converge.review.ai.model", "m",
                "converge.review.ai.timeout-ms", String.valueOf(timeoutMs), "converge.review.ai.on-failure", policy));
    }

    private static final String ANSWER = "{\"findings\":[{\"rule\":\"" + RULES + "\",\"severity\":\"WARNING\","
            + "\"statement\":0,\"message\":\"fakeTable is not snake_case\",\"suggestion\":\"fake_table\","
            + "\"file\":\"schemas/app.sql\",\"line\":1}]}";

    @Test
    void withoutProviderTheReviewIsSkippedWithANotice() {
        AiOutcome o = new AiReviewer(AiSettings.none(), null, new InMemoryAiCache())
                .review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).await().atMost(Duration.ofSeconds(5));
        assertThat(o.findings()).isEmpty();
        assertThat(o.notices()).containsExactly("AI review skipped: no provider configured (converge.review.ai.provider)");
    }

    @Test
    void withoutCustomRulesTheReviewIsSkippedWithoutCallingTheModel() {
        ScriptedModel model = new ScriptedModel(ANSWER, 0);
        AiOutcome o = new AiReviewer(settings("open", 2000), model, new InMemoryAiCache())
                .review(AiPromptTest.plan("a/x", SQL, SQL + ";", null)).await().atMost(Duration.ofSeconds(5));
        assertThat(o.notices()).singleElement().asString().contains("no custom rules");
        assertThat(model.calls).hasValue(0);
    }

    @Test
    void findingsFromTheAnswerCarrySourceAiAndTheirStateFileLocation() {
        AiOutcome o = new AiReviewer(settings("open", 2000), new ScriptedModel(ANSWER, 0), new InMemoryAiCache())
                .review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).await().atMost(Duration.ofSeconds(5));
        assertThat(o.findings()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(FindingSource.AI);
            assertThat(f.ruleId()).isEqualTo(RULES);
            assertThat(f.statementIndex()).isZero();
            assertThat(f.location().toString()).isEqualTo("schemas/app.sql:1");
        });
    }

    @Test
    void concurrentReviewsOfTheSamePlanShareOneCall() {
        ScriptedModel model = new ScriptedModel(ANSWER, 300);
        AiReviewer reviewer = new AiReviewer(settings("open", 5000), model, new InMemoryAiCache());
        var a = reviewer.review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).subscribeAsCompletionStage();
        var b = reviewer.review(AiPromptTest.plan("b/y", SQL, SQL + ";", RULES)).subscribeAsCompletionStage();
        assertThat(a.join().findings()).hasSize(1);
        assertThat(b.join().findings()).hasSize(1);
        assertThat(model.calls).hasValue(1);
    }

    @Test
    void timeoutFailClosedIsAnErrorFinding() {
        AiOutcome o = new AiReviewer(settings("closed", 100), new ScriptedModel(ANSWER, 2000), new InMemoryAiCache())
                .review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).await().atMost(Duration.ofSeconds(5));
        assertThat(o.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(AiReviewer.UNAVAILABLE);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(o.notices()).singleElement().asString().startsWith("AI review unavailable: timeout");
    }

    @Test
    void clientSideTimeoutIsReportedAsTimeout() {
        ChatModel failing = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new RuntimeException("POST failed", new java.util.concurrent.TimeoutException("read timed out"));
            }
        };
        AiOutcome o = new AiReviewer(settings("open", 2000), failing, new InMemoryAiCache())
                .review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).await().atMost(Duration.ofSeconds(5));
        assertThat(o.notices()).singleElement().asString().isEqualTo("AI review unavailable: timeout: POST failed");
    }

    @Test
    void providerErrorFailOpenNamesTheError() {
        ChatModel failing = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new IllegalStateException("HTTP 401 invalid api key\nmore lines");
            }
        };
        AiOutcome o = new AiReviewer(settings("open", 2000), failing, new InMemoryAiCache())
                .review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).await().atMost(Duration.ofSeconds(5));
        assertThat(o.findings()).isEmpty();
        assertThat(o.notices()).containsExactly("AI review unavailable: IllegalStateException: HTTP 401 invalid api key");
    }

    @Test
    void malformedAnswerFailOpenIsOnlyANoticeAndNotCached() {
        ScriptedModel model = new ScriptedModel("I think the table name is wrong.", 0);
        AiReviewer reviewer = new AiReviewer(settings("open", 2000), model, new InMemoryAiCache());
        AiOutcome o = reviewer.review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).await().atMost(Duration.ofSeconds(5));
        assertThat(o.findings()).isEmpty();
        assertThat(o.notices()).singleElement().asString().isEqualTo("AI review unavailable: the model's answer is not JSON");
        reviewer.review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).await().atMost(Duration.ofSeconds(5));
        assertThat(model.calls).hasValue(2);
    }

    @Test
    void findingCitingANonexistentStatementIsDroppedAndCounted() {
        String answer = "{\"findings\":[{\"rule\":\"r\",\"statement\":3,\"message\":\"m\"}]}";
        AiOutcome o = new AiReviewer(settings("open", 2000), new ScriptedModel(answer, 0), new InMemoryAiCache())
                .review(AiPromptTest.plan("a/x", SQL, SQL + ";", RULES)).await().atMost(Duration.ofSeconds(5));
        assertThat(o.findings()).extracting(Finding::ruleId).isEmpty();
        assertThat(o.notices()).singleElement().asString().contains("1 finding(s) dropped");
    }
}
