package dev.converge.review.rules;

import dev.converge.common.events.Severity;

/**
 * One review rule: a stable id ({@code category.name}), a default severity, a one-line rationale, and the check.
 * The anchor of its section in {@code docs/rules.md} is the id with dots replaced by dashes.
 */
public final class Rule {
    /** The check itself: reads the context and reports hits. */
    @FunctionalInterface
    public interface Check {
        void run(ReviewContext ctx, Hits hits) throws Exception;
    }

    private final String id;
    private final Severity defaultSeverity;
    private final String rationale;
    private final Check check;

    public Rule(String id, Severity defaultSeverity, String rationale, Check check) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.rationale = rationale;
        this.check = check;
    }

    public String id() {
        return id;
    }

    public String category() {
        return id.substring(0, id.indexOf('.'));
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String rationale() {
        return rationale;
    }

    public String docAnchor() {
        return "docs/rules.md#" + id.replace('.', '-');
    }

    void check(ReviewContext ctx, Hits hits) throws Exception {
        check.run(ctx, hits);
    }

    @Override
    public String toString() {
        return id;
    }
}
