package dev.converge.rollout.execution;

import dev.converge.common.events.PlanComputed;

/**
 * One execution of a task's plan on its target. {@code attempt} is part of the history key: a retry is a new
 * attempt, a restart of the same attempt finds its own history row.
 */
public record ExecutionRequest(String rolloutId, String taskId, int attempt, String submissionId, String project,
                               TargetDb target, PlanComputed plan, String principal) {
}
