package dev.converge.review.ai;

import dev.converge.common.events.Finding;
import dev.converge.common.events.FindingSource;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.Severity;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.StateFile;
import dev.converge.review.rules.RuleEngine;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The AI review of one plan against the submission's Markdown rules. Predictable by construction: answers are
 * cached by prompt hash, concurrent reviews of the same plan (several targets) share one model call, every call
 * has a timeout, and a failure follows the environment's policy (fail-open: a notice; fail-closed: an ERROR
 * finding). Without a provider, or without custom rules, it is skipped with a notice, never faked.
 */
public final class AiReviewer {
    public static final String UNAVAILABLE = "ai.unavailable";

    private final AiSettings settings;
    private final ChatModel model;
    private final AiCache cache;
    private final Map<String, Uni<AiAnswer>> inFlight = new ConcurrentHashMap<>();

    /** @param model the chat model, or null when no provider is configured */
    public AiReviewer(AiSettings settings, ChatModel model, AiCache cache) {
        this.settings = settings;
        this.model = model;
        this.cache = cache;
    }

    public Uni<AiOutcome> review(PlanComputed plan) {
        if (!settings.enabled() || model == null) {
            return Uni.createFrom().item(AiOutcome.notice(
                    "AI review skipped: no provider configured (converge.review.ai.provider)"));
        }
        String rules = plan.customRules();
        if (rules == null || rules.isBlank()) {
            return Uni.createFrom().item(AiOutcome.notice("AI review skipped: the submission has no custom rules"));
        }
        if (plan.isEmpty()) {
            return Uni.createFrom().item(new AiOutcome(List.of(), List.of()));
        }
        AiPrompt prompt = AiPrompt.of(plan, rules, settings.provider() + "/" + settings.model(), settings.redactLiterals());
        return answer(prompt, plan.statements().size())
                .map(answer -> outcome(answer, plan))
                .onFailure().recoverWithItem(failure -> unavailable(failure, plan.environment()));
    }

    /** The cached answer, or the one call that is already running for this prompt, or a new call. */
    private Uni<AiAnswer> answer(AiPrompt prompt, int statementCount) {
        return cache.get(prompt.cacheKey()).flatMap(cached -> {
            if (cached != null) {
                return Uni.createFrom().item(cached);
            }
            return inFlight.computeIfAbsent(prompt.cacheKey(), key -> call(prompt, statementCount)
                    .call(answer -> cache.put(key, settings.model(), answer))
                    .eventually(() -> {
                        // a block, not an expression: returning the removed Uni would make Mutiny await it (itself)
                        inFlight.remove(key);
                    })
                    .memoize().indefinitely());
        });
    }

    private Uni<AiAnswer> call(AiPrompt prompt, int statementCount) {
        return Uni.createFrom().item(() -> model.chat(ChatRequest.builder()
                        .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())).build()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(settings.timeout()).failWith(() -> new TimeoutException(
                        "no answer within " + settings.timeout().toMillis() + " ms"))
                .map(response -> AiAnswerParser.parse(response.aiMessage().text(), statementCount));
    }

    private AiOutcome outcome(AiAnswer answer, PlanComputed plan) {
        List<StateFile> files = RuleEngine.filesOf(plan);
        List<Finding> findings = new ArrayList<>();
        for (AiAnswer.Item item : answer.findings()) {
            findings.add(new Finding(item.rule(), Severity.valueOf(item.severity()), item.statement(), item.message(),
                    FindingSource.AI, location(item, files), item.suggestion()));
        }
        List<String> notices = new ArrayList<>();
        if (answer.dropped() > 0) {
            notices.add("AI review: " + answer.dropped() + " finding(s) dropped because they cited no existing "
                    + "statement or had no message");
        }
        return new AiOutcome(findings, notices);
    }

    /** file:line only when the file is one of the submitted state files. */
    private static SourceLocation location(AiAnswer.Item item, List<StateFile> files) {
        if (item.file() == null || files.stream().noneMatch(f -> f.path().equals(item.file()))) {
            return null;
        }
        return new SourceLocation(item.file(), item.line() == null ? 0 : item.line(), 0);
    }

    private AiOutcome unavailable(Throwable failure, String environment) {
        String reason = failure instanceof AiAnswerParser.MalformedAnswerException ? failure.getMessage()
                : isTimeout(failure) ? "timeout: " + firstLine(String.valueOf(failure.getMessage()))
                : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + firstLine(failure.getMessage()));
        String notice = "AI review unavailable: " + reason;
        if (settings.policyFor(environment) == AiSettings.FailurePolicy.CLOSED) {
            return new AiOutcome(List.of(new Finding(UNAVAILABLE, Severity.ERROR, -1, notice
                    + " (fail-closed in environment " + environment + ")", FindingSource.AI, null,
                    "retry the check; the AI review is required in this environment")), List.of(notice));
        }
        return AiOutcome.notice(notice);
    }

    /** Our own deadline, or the HTTP client's (which arrives wrapped, e.g. as a ProcessingException). */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
