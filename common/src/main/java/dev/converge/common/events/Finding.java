package dev.converge.common.events;

/**
 * One review finding on a plan.
 *
 * @param statementIndex index into the plan's statements, or -1 when the finding is about the plan as a whole
 * @param location       state-file location when the finding maps to one, else null
 */
public record Finding(
        String ruleId,
        Severity severity,
        int statementIndex,
        String message,
        FindingSource source,
        SourceLocation location,
        String suggestion) {
}
