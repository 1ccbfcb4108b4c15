package dev.converge.common.events;

import java.util.List;

/**
 * One statement of a plan, as it travels on {@code converge.plans.v1}.
 *
 * @param index             0-based position in the plan; findings refer to it
 * @param sql               the exact SQL that will run
 * @param hazards           risks of running it
 * @param transactional     false for statements PostgreSQL refuses inside a transaction block
 *                          ({@code CREATE INDEX CONCURRENTLY}, {@code ALTER TYPE ... ADD VALUE} on old servers)
 * @param lockTimeoutMs     suggested {@code lock_timeout}
 * @param statementTimeoutMs suggested {@code statement_timeout}
 */
public record PlannedStatement(
        int index,
        String sql,
        List<Hazard> hazards,
        boolean transactional,
        long lockTimeoutMs,
        long statementTimeoutMs) {

    public PlannedStatement {
        hazards = hazards == null ? List.of() : List.copyOf(hazards);
    }
}
