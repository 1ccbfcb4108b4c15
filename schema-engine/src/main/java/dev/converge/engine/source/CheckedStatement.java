package dev.converge.engine.source;

/**
 * A state-file statement the allowlist accepted, with how the shadow database must run it.
 *
 * @param kind        the statement kind in words, e.g. {@code CREATE TABLE}
 * @param disposition how to run it
 */
public record CheckedStatement(SqlStatement statement, String kind, Disposition disposition) {

    public enum Disposition {
        /** Run under the restricted shadow role. */
        EXECUTE,
        /**
         * Run with the shadow's administrative connection: {@code CREATE EXTENSION} (the extension's script is
         * installed on the server by its administrator, and many extensions need a superuser),
         * {@code COMMENT ON EXTENSION}, {@code CREATE FUNCTION … LEAKPROOF} without {@code SECURITY DEFINER} (only a
         * superuser may declare it; the function still runs as its caller) and {@code ALTER … OWNER TO} (the restricted role cannot give objects away;
         * the shadow checks that the new owner is no privileged role first).
         */
        EXECUTE_ELEVATED,
        /** Harmless session setting the shadow controls itself (client encoding, timeouts): not run. */
        SKIP
    }
}
