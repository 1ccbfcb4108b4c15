package dev.converge.rollout.service;

/** A request the rollout cannot honour; {@link Kind} maps to an HTTP status, the message is for a person. */
public class RolloutException extends RuntimeException {
    public enum Kind {
        /** a query or path parameter that cannot be read (400) */
        BAD_REQUEST, NOT_FOUND, CONFLICT, FORBIDDEN, INVALID
    }

    private final Kind kind;

    public RolloutException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
