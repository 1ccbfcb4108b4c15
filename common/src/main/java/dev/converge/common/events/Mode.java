package dev.converge.common.events;

/** What a submission asks for: a review of the plans only, or a staged rollout. */
public enum Mode {
    CHECK, ROLLOUT
}
