package dev.converge.engine;

import dev.converge.common.events.SourceLocation;

import java.util.Optional;

/**
 * The one failure type of the engine. Its message is a single line a person can act on and names the object,
 * file or target concerned; callers show {@link #getMessage()} and never a stack trace.
 */
public class EngineException extends RuntimeException {

    public enum Code {
        /** A state file is refused (not allowed statement, unreadable file). */
        STATE_FILE_INVALID,
        /** The shadow database could not be created or a state-file statement failed in it. */
        SHADOW_FAILED,
        /** The target (or desired) database cannot be reached or logged into. */
        TARGET_UNREACHABLE,
        /** The schema contains an object the engine does not model; named in the message. */
        UNSUPPORTED_OBJECT,
        /** A privilege or owner names a role the target does not have (Converge does not manage roles). */
        UNKNOWN_ROLE,
        /** A bug or an unexpected server answer. */
        INTERNAL
    }

    private final Code code;
    private final SourceLocation location;

    public EngineException(Code code, String message) {
        this(code, message, null, null);
    }

    public EngineException(Code code, String message, SourceLocation location) {
        this(code, message, location, null);
    }

    public EngineException(Code code, String message, SourceLocation location, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.location = location;
    }

    public Code code() {
        return code;
    }

    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }
}
