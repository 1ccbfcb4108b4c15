package dev.converge.engine.source;

import dev.converge.common.events.SourceLocation;
import dev.converge.engine.EngineException;
import java.util.List;

/**
 * State files the allowlist refused. The message is the first refusal (one line, {@code file:line:column: …})
 * plus how many more there are; {@link #violations()} lists them all.
 */
public final class StateFileException extends EngineException {

    private final List<Violation> violations;

    public StateFileException(List<Violation> violations) {
        super(Code.STATE_FILE_INVALID, message(violations), location(violations.get(0)));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        String first = violations.get(0).toString();
        int more = violations.size() - 1;
        return more == 0 ? first : first + " (and " + more + " more refused statement" + (more == 1 ? "" : "s") + ")";
    }

    private static SourceLocation location(Violation v) {
        return new SourceLocation(v.file(), v.line(), v.column());
    }
}
