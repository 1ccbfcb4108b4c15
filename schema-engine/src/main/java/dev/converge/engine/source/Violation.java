package dev.converge.engine.source;

/**
 * A statement of a state file that the allowlist refuses.
 *
 * @param code    machine-readable reason, e.g. {@code DML_NOT_ALLOWED}
 * @param message a sentence naming the statement kind and why, without the location
 */
public record Violation(String file, int line, int column, String code, String message) {

    static Violation of(SqlStatement statement, String code, String message) {
        return new Violation(statement.file(), statement.line(), statement.column(), code, message);
    }

    /** {@code file:line:column: message}, the one line a user sees. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
