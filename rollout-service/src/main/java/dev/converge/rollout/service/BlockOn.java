package dev.converge.rollout.service;

import dev.converge.common.events.Verdict;

/**
 * The review verdict from which an environment's rollout is blocked
 * ({@code converge.rollout.environments.<env>.block-on=ERROR|WARNING|NEVER}).
 */
public enum BlockOn {
    ERROR, WARNING, NEVER;

    public boolean blocks(Verdict verdict) {
        if (verdict == null) {
            return false;
        }
        return switch (this) {
            case ERROR -> verdict == Verdict.ERROR;
            case WARNING -> verdict == Verdict.ERROR || verdict == Verdict.WARN;
            case NEVER -> false;
        };
    }

    /** Whether a stage has to wait for the review before it may start. */
    public boolean needsReview() {
        return this != NEVER;
    }

    public static BlockOn parse(String where, String text) {
        try {
            return valueOf(text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new dev.converge.common.config.ConfigException(where + ": '" + text + "' is none of ERROR, WARNING, NEVER");
        }
    }
}
