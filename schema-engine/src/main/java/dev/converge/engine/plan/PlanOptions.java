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
 * @param managePrivileges     plan GRANT / REVOKE so that the target's privileges equal the desired ones. Off by
 *                             default: privileges are then not part of the schema hash and not planned from the
 *                             desired schema (an object the plan recreates, or an enum it swaps for a new type,
 *                             gets its current grants back)
 * @param manageOwnership      plan {@code ALTER … OWNER TO} so that owners equal the desired ones (an object without
 *                             a declared owner belongs to the role that runs the plan). Off by default, like privileges
 *                             (a recreated object or swapped enum keeps its current owner)
 */
public record PlanOptions(boolean onlineForms, Duration lockTimeout, Duration shortStatementTimeout,
                          Duration longStatementTimeout, List<Rename> renames, boolean managePrivileges,
                          boolean manageOwnership) {

    public PlanOptions {
        renames = renames == null ? List.of() : List.copyOf(renames);
    }

    public static PlanOptions defaults() {
        return new PlanOptions(true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO, List.of(), false, false);
    }

    public PlanOptions withOnlineForms(boolean online) {
        return new PlanOptions(online, lockTimeout, shortStatementTimeout, longStatementTimeout, renames, managePrivileges,
                manageOwnership);
    }

    public PlanOptions withRenames(List<Rename> declared) {
        return new PlanOptions(onlineForms, lockTimeout, shortStatementTimeout, longStatementTimeout, declared,
                managePrivileges, manageOwnership);
    }

    public PlanOptions withAuthorization(boolean privileges, boolean ownership) {
        return new PlanOptions(onlineForms, lockTimeout, shortStatementTimeout, longStatementTimeout, renames, privileges,
                ownership);
    }
}
