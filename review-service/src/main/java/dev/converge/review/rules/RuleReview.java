package dev.converge.review.rules;

import dev.converge.common.events.Finding;
import dev.converge.common.events.Verdict;
import java.util.List;

/** The outcome of the rule review of one plan: findings (source RULE), notices, verdict. */
public record RuleReview(List<Finding> findings, List<String> notices, Verdict verdict) {
    public RuleReview {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
    }
}
