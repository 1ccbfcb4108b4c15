package dev.converge.rollout.execution;

import dev.converge.common.events.PlannedStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements that run together: consecutive transactional statements form one atomic group; a
 * non-transactional statement ({@code CREATE INDEX CONCURRENTLY} …) is a group of its own, run outside a
 * transaction.
 *
 * @param from index of the first statement (inclusive)
 * @param to   index after the last statement (exclusive)
 */
public record StatementGroup(int from, int to, boolean transactional, List<PlannedStatement> statements) {

    public StatementGroup {
        statements = List.copyOf(statements);
    }

    /** Groups the statements from index {@code start} on (statements before it already ran). */
    public static List<StatementGroup> of(List<PlannedStatement> all, int start) {
        List<StatementGroup> groups = new ArrayList<>();
        int i = start;
        while (i < all.size()) {
            if (!all.get(i).transactional()) {
                groups.add(new StatementGroup(i, i + 1, false, all.subList(i, i + 1)));
                i++;
                continue;
            }
            int j = i;
            while (j < all.size() && all.get(j).transactional()) {
                j++;
            }
            groups.add(new StatementGroup(i, j, true, all.subList(i, j)));
            i = j;
        }
        return groups;
    }

    public String describe() {
        return to - from == 1 ? "statement " + (from + 1) : "statements " + (from + 1) + "-" + to;
    }
}
