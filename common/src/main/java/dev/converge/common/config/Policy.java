package dev.converge.common.config;

/**
 * How a stage of an environment starts: automatically once the previous stage succeeded, or after an approval
 * by a principal holding {@code approverRole}.
 */
public record Policy(Kind kind, String approverRole, boolean submitterMayApprove) {
    public enum Kind {
        AUTOMATIC, APPROVAL
    }

    public static Policy automatic() {
        return new Policy(Kind.AUTOMATIC, null, true);
    }

    public static Policy approval(String role, boolean submitterMayApprove) {
        return new Policy(Kind.APPROVAL, role, submitterMayApprove);
    }

    public boolean needsApproval() {
        return kind == Kind.APPROVAL;
    }
}
