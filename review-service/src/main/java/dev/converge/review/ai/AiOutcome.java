package dev.converge.review.ai;

import dev.converge.common.events.Finding;
import java.util.List;

/** What the AI review adds to a review: findings (source AI) and notices. */
public record AiOutcome(List<Finding> findings, List<String> notices) {
    public AiOutcome {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
    }

    static AiOutcome notice(String notice) {
        return new AiOutcome(List.of(), List.of(notice));
    }
}
