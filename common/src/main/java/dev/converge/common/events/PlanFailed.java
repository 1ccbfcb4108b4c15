package dev.converge.common.events;

import java.time.Instant;

/**
 * Planning failed for one target. {@code code} is machine-readable ({@code STATE_FILE_INVALID},
 * {@code SHADOW_FAILED}, {@code TARGET_UNREACHABLE}, {@code UNSUPPORTED_OBJECT}, {@code UNKNOWN_ROLE}, {@code INTERNAL}); {@code reason}
 * is a sentence a person can act on; {@code location} points into a state file when the cause is there.
 */
public record PlanFailed(
        String eventId,
        Instant occurredAt,
        String submissionId,
        String project,
        String target,
        String environment,
        Mode mode,
        String code,
        String reason,
        SourceLocation location) implements PlanEvent {
}
