package dev.converge.rollout.service;

/** Status of one task (one target database) of a stage. */
public enum TaskStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, DRIFTED, SKIPPED, CANCELED;

    public boolean terminal() {
        return this != PENDING && this != RUNNING;
    }

    /** Whether the task reached the state the rollout wanted (applied, or nothing to apply). */
    public boolean done() {
        return this == SUCCEEDED || this == SKIPPED;
    }
}
