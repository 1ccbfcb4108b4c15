package dev.converge.engine.plan;

import dev.converge.engine.diff.Rename;

import java.time.Duration;
import java.util.List;

/**
 * How to plan.
 *
 * @param onlineForms          use CONCURRENTLY / NOT VALID + VALIDATE / check-then-SET NOT NULL on existing tables
 * @param lockTimeout          suggested lock_timeout of every statement
 * @param shortStatementTimeout statement_timeout of catalog-only statements
 * @param longStatementTimeout  statement_timeout of statements that scan or rewrite data (ZERO = no limit)
 * @param renames              declared renames (from {@code -- converge:renamed-from} annotations)
 */
public record PlanOptions(boolean onlineForms, Duration lockTimeout, Duration shortStatementTimeout,
                          Duration longStatementTimeout, List<Rename> renames) {

    public PlanOptions {
        renames = renames == null ? List.of() : List.copyOf(renames);
    }

    public static PlanOptions defaults() {
        return new PlanOptions(true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO, List.of());
    }

    public PlanOptions withOnlineForms(boolean online) {
        return new PlanOptions(online, lockTimeout, shortStatementTimeout, longStatementTimeout, renames);
    }

    public PlanOptions withRenames(List<Rename> declared) {
        return new PlanOptions(onlineForms, lockTimeout, shortStatementTimeout, longStatementTimeout, declared);
    }
}
