package dev.converge.engine.plan;

import java.time.Duration;

/**
 * How to plan.
 *
 * @param onlineForms          use CONCURRENTLY / NOT VALID + VALIDATE / check-then-SET NOT NULL on existing tables
 * @param lockTimeout          suggested lock_timeout of every statement
 * @param shortStatementTimeout statement_timeout of catalog-only statements
 * @param longStatementTimeout  statement_timeout of statements that scan or rewrite data (ZERO = no limit)
 */
public record PlanOptions(boolean onlineForms, Duration lockTimeout, Duration shortStatementTimeout,
                          Duration longStatementTimeout) {

    public static PlanOptions defaults() {
        return new PlanOptions(true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO);
    }

    public PlanOptions withOnlineForms(boolean online) {
        return new PlanOptions(online, lockTimeout, shortStatementTimeout, longStatementTimeout);
    }
}
