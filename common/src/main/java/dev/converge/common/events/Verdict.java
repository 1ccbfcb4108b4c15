package dev.converge.common.events;

import java.util.Collection;

/** The outcome of a review: the highest severity among its findings. */
public enum Verdict {
    PASS, WARN, ERROR;

    public static Verdict of(Collection<Finding> findings) {
        Verdict verdict = PASS;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return ERROR;
            }
            if (f.severity() == Severity.WARNING) {
                verdict = WARN;
            }
        }
        return verdict;
    }
}
