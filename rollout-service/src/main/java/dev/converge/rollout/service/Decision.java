package dev.converge.rollout.service;

import java.time.Instant;

/**
 * A decision for the audit trail: who did what to which stage or task, when, and why.
 *
 * @param action    CREATE, START (automatic start), APPROVE, REJECT, CANCEL, RETRY
 * @param stage     stage name, or null
 * @param taskId    task id, or null
 * @param principal the authenticated principal, or {@link Rollout#SYSTEM} for automatic decisions
 */
public record Decision(String action, String stage, String taskId, String principal, String comment, Instant at) {
}
