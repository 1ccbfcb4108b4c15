package dev.converge.rollout.service;

/** Status of a whole rollout. */
public enum RolloutStatus {
    WAITING_FOR_PLANS, BLOCKED, IN_PROGRESS, AWAITING_APPROVAL, SUCCEEDED, FAILED, CANCELED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED || this == BLOCKED;
    }
}
