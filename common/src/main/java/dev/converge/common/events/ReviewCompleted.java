package dev.converge.common.events;

import java.time.Instant;
import java.util.List;

/**
 * Topic {@code converge.reviews.v1}, key = target. {@code notices} carry what a reader must know about the
 * review itself (for example "AI review unavailable: timeout after 20 s").
 */
public record ReviewCompleted(
        String eventId,
        Instant occurredAt,
        String submissionId,
        String project,
        String target,
        String environment,
        String planEventId,
        String planHash,
        List<Finding> findings,
        Verdict verdict,
        List<String> notices) implements Event {

    public ReviewCompleted {
        findings = List.copyOf(findings);
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    @Override
    public String key() {
        return target;
    }
}
