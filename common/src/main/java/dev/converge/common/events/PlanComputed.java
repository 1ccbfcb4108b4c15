package dev.converge.common.events;

import java.time.Instant;
import java.util.List;

/**
 * The migration for one target. {@code baseHash} is the hash of the target's schema the plan was computed
 * from (rollout refuses to run it on a drifted target); {@code desiredHash} is the hash the target must have
 * afterwards; {@code planHash} identifies the statements (review caches and history rows use it).
 */
public record PlanComputed(
        String eventId,
        Instant occurredAt,
        String submissionId,
        String project,
        String target,
        String environment,
        Mode mode,
        String baseHash,
        String desiredHash,
        String planHash,
        List<PlannedStatement> statements,
        List<String> summary,
        String desiredSchemaSql) implements PlanEvent {

    public PlanComputed {
        statements = List.copyOf(statements);
        summary = summary == null ? List.of() : List.copyOf(summary);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
