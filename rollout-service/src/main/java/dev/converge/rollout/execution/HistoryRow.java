package dev.converge.rollout.execution;

/**
 * What {@code converge.converge_history} in the target says about one attempt of a task.
 *
 * @param outcome        STARTED while running, then SUCCEEDED, FAILED or DRIFTED
 * @param statementsDone number of plan statements committed so far (updated inside each transactional group)
 */
public record HistoryRow(String outcome, int statementsDone, String message) {
    public static final String STARTED = "STARTED";

    public boolean finished() {
        return !STARTED.equals(outcome);
    }
}
