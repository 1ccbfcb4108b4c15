package dev.converge.engine.plan;

import dev.converge.common.events.PlannedStatement;

import java.time.Duration;
import java.util.List;

/**
 * One statement of a plan.
 *
 * @param sql              the exact SQL, without a trailing semicolon
 * @param transactional    false for statements PostgreSQL refuses in a transaction block (CONCURRENTLY, ...)
 * @param lockTimeout      suggested {@code lock_timeout}
 * @param statementTimeout suggested {@code statement_timeout}; {@link Duration#ZERO} means no limit
 *                         (index builds, validations and rewrites take as long as the table needs)
 */
public record Statement(String sql, List<Hazard> hazards, boolean transactional, Duration lockTimeout,
                        Duration statementTimeout) {
    public Statement {
        hazards = List.copyOf(hazards);
    }

    public PlannedStatement toEvent(int index) {
        return new PlannedStatement(index, sql, hazards.stream().map(Hazard::toEvent).toList(), transactional,
                lockTimeout.toMillis(), statementTimeout.toMillis());
    }

    /** SQL with one {@code -- hazard: CODE: message} line per hazard above it, ending with {@code ;}. */
    public String toSql() {
        StringBuilder sb = new StringBuilder();
        for (Hazard h : hazards) {
            sb.append("-- hazard: ").append(h.kind()).append(": ").append(h.message().replace('\n', ' ')).append('\n');
        }
        return sb.append(sql).append(";\n").toString();
    }
}
