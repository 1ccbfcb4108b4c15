package dev.converge.rollout.service;

/** Status of one stage (one environment) of a rollout. */
public enum StageStatus {
    PENDING, BLOCKED, AWAITING_APPROVAL, IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, CANCELED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == REJECTED || this == CANCELED || this == BLOCKED;
    }
}
