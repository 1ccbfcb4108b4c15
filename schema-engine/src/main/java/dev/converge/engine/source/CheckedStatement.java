package dev.converge.engine.source;

/**
 * A state-file statement the allowlist accepted, with how the shadow database must run it.
 *
 * @param kind        the statement kind in words, e.g. {@code CREATE TABLE}
 * @param disposition how to run it
 * @param extension   for {@link Disposition#BY_EXTENSION_POLICY}, what the {@code CREATE EXTENSION} asks for; else null
 */
public record CheckedStatement(SqlStatement statement, String kind, Disposition disposition, ExtensionRequest extension) {

    public CheckedStatement(SqlStatement statement, String kind, Disposition disposition) {
        this(statement, kind, disposition, null);
    }

    public enum Disposition {
        /** Run under the restricted shadow role. */
        EXECUTE,
        /**
         * Run with the shadow's administrative connection: {@code COMMENT ON EXTENSION} (only the extension's owner
         * or a superuser may comment on it, and an extension installed with the administrator's rights is not owned
         * by the restricted role; a comment runs no code), {@code CREATE FUNCTION … LEAKPROOF} without
         * {@code SECURITY DEFINER} (only a superuser may declare it; the function still runs as its caller) and
         * {@code ALTER … OWNER TO} (the restricted role cannot give objects away; the shadow checks that the new
         * owner is no privileged role first).
         */
        EXECUTE_ELEVATED,
        /**
         * {@code CREATE EXTENSION}: the shadow decides by the server's catalog. An extension that needs no
         * superuser, or that the server marks trusted, runs under the restricted role (PostgreSQL then guarantees
         * that its script is safe for a non-superuser with CREATE on the database); an untrusted one runs with the
         * administrative connection only if the project allows it by name, and is refused otherwise; one the server
         * does not have is refused. Extensions that reach files, programs or other servers are refused by the
         * allowlist already, allowed or not.
         */
        BY_EXTENSION_POLICY,
        /** Harmless session setting the shadow controls itself (client encoding, timeouts): not run. */
        SKIP
    }
}
