package dev.converge.review.rules;

import dev.converge.review.rules.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/** Collects the hits of one rule. */
public final class Hits {
    private final String ruleId;
    private final List<RuleHit> hits = new ArrayList<>();

    Hits(String ruleId) {
        this.ruleId = ruleId;
    }

    public void add(int statementIndex, QualifiedName subject, String message, String suggestion) {
        hits.add(new RuleHit(ruleId, statementIndex, subject, message, suggestion));
    }

    List<RuleHit> all() {
        return hits;
    }
}
