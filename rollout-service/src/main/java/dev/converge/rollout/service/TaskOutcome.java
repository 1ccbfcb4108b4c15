package dev.converge.rollout.service;

import java.util.Map;

/** How the execution of a task ended: SUCCEEDED, FAILED or DRIFTED, with a message for a person. */
public record TaskOutcome(TaskStatus status, String message, Map<String, String> attributes) {
    public TaskOutcome {
        if (!status.terminal() || status == TaskStatus.SKIPPED || status == TaskStatus.CANCELED) {
            throw new IllegalArgumentException("an execution ends SUCCEEDED, FAILED or DRIFTED, not " + status);
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static TaskOutcome succeeded(String message) {
        return new TaskOutcome(TaskStatus.SUCCEEDED, message, Map.of());
    }

    public static TaskOutcome failed(String message) {
        return new TaskOutcome(TaskStatus.FAILED, message, Map.of());
    }

    public static TaskOutcome drifted(String message) {
        return new TaskOutcome(TaskStatus.DRIFTED, message, Map.of());
    }
}
