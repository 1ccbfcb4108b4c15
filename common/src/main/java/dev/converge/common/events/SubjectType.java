package dev.converge.common.events;

/** What a status event is about. */
public enum SubjectType {
    SUBMISSION, PLAN, REVIEW, ROLLOUT, STAGE, TASK
}
