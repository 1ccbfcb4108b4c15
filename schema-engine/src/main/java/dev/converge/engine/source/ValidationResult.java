package dev.converge.engine.source;

import java.util.List;

/** What the allowlist made of a set of state files: the statements to run, and the refusals. */
public record ValidationResult(List<CheckedStatement> accepted, List<Violation> violations) {

    public ValidationResult {
        accepted = List.copyOf(accepted);
        violations = List.copyOf(violations);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }
}
