package dev.converge.common.events;

import java.time.Instant;
import java.util.List;

/**
 * The migration for one target. {@code baseHash} is the hash of the target's schema the plan was computed
 * from (rollout refuses to run it on a drifted target); {@code desiredHash} is the hash the target must have
 * afterwards; {@code planHash} identifies the statements (review caches and history rows use it).
 * {@code files} (the submitted state files) and {@code customRules} (the submission's Markdown review rules) are
 * carried for the review: it maps findings to file:line, honours {@code -- converge:ignore} comments and feeds
 * the rules to the AI review. Both may be null/empty on events from producers that predate them.
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
        String desiredSchemaSql,
        List<StateFile> files,
        String customRules) implements PlanEvent {

    public PlanComputed {
        statements = List.copyOf(statements);
        summary = summary == null ? List.of() : List.copyOf(summary);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The original shape, without state files and custom rules (kept so existing producers compile). */
    public PlanComputed(String eventId, Instant occurredAt, String submissionId, String project, String target,
                        String environment, Mode mode, String baseHash, String desiredHash, String planHash,
                        List<PlannedStatement> statements, List<String> summary, String desiredSchemaSql) {
        this(eventId, occurredAt, submissionId, project, target, environment, mode, baseHash, desiredHash, planHash,
                statements, summary, desiredSchemaSql, List.of(), null);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
