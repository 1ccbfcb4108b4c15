package dev.converge.common.events;

/** Severity of a review finding, ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
