package dev.converge.engine.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.engine.DbConn;
import dev.converge.engine.EngineException;
import dev.converge.engine.source.CheckedStatement;
import dev.converge.engine.source.CheckedStatement.Disposition;
import dev.converge.engine.source.StatementSplitter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

/**
 * The role the shadow runs state files under cannot reach outside the database, even for statements the allowlist
 * would refuse: the statements here bypass the allowlist (disposition EXECUTE) so that only the role stands
 * between a pull request and the server's files and programs.
 */
class ShadowRoleSecurityTest {

    private static final DbConn SERVER = DbConn.parse(System.getenv().getOrDefault("CONVERGE_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres"));

    private static List<CheckedStatement> unchecked(String sql) {
        return StatementSplitter.split("evil.sql", sql).stream()
                .map(s -> new CheckedStatement(s, "UNCHECKED", Disposition.EXECUTE)).toList();
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of(Named.of("pg_read_file", "CREATE TABLE leak AS SELECT pg_read_file('/etc/passwd') AS secret;"),
                        "permission denied for function pg_read_file"),
                Arguments.of(Named.of("COPY FROM PROGRAM", "CREATE TABLE leak (line text);\nCOPY leak FROM PROGRAM 'id';"),
                        "COPY to or from an external program"),
                Arguments.of(Named.of("COPY TO file", "CREATE TABLE leak (line text);\nCOPY leak TO '/tmp/converge_shadow_leak';"),
                        "COPY to a file"),
                Arguments.of(Named.of("CREATE EXTENSION untrusted", "CREATE EXTENSION file_fdw;"),
                        "permission denied to create extension \"file_fdw\""),
                Arguments.of(Named.of("lo_import", "CREATE TABLE leak AS SELECT lo_import('/etc/passwd') AS oid;"),
                        "permission denied for function lo_import"),
                Arguments.of(Named.of("CREATE FUNCTION LANGUAGE c",
                                "CREATE FUNCTION sys(cstring) RETURNS int AS '/lib/x86_64-linux-gnu/libc.so.6', 'system' LANGUAGE c;"),
                        "permission denied for language c"),
                Arguments.of(Named.of("SET ROLE postgres", "SET ROLE postgres;\nCREATE TABLE leak AS SELECT pg_read_file('/etc/passwd') AS s;"),
                        "permission denied to set role \"postgres\""),
                // the remaining ways out of the database that PostgreSQL 15 offers a superuser
                Arguments.of(Named.of("pg_read_binary_file", "CREATE TABLE leak AS SELECT pg_read_binary_file('/etc/passwd') AS s;"),
                        "permission denied for function pg_read_binary_file"),
                Arguments.of(Named.of("pg_ls_dir", "CREATE TABLE leak AS SELECT pg_ls_dir('/') AS s;"),
                        "permission denied for function pg_ls_dir"),
                Arguments.of(Named.of("COPY FROM file", "CREATE TABLE leak (line text);\nCOPY leak FROM '/etc/passwd';"),
                        "COPY from a file"),
                Arguments.of(Named.of("lo_export", "CREATE TABLE leak AS SELECT lo_export(lo_from_bytea(0, 'x'), '/tmp/converge_shadow_leak') AS r;"),
                        "permission denied for function lo_export"),
                Arguments.of(Named.of("CREATE FUNCTION LANGUAGE internal (untrusted)",
                                "CREATE FUNCTION leak(text, bigint, bigint) RETURNS text AS 'pg_read_file_off_len' LANGUAGE internal;"),
                        "permission denied for language internal"),
                Arguments.of(Named.of("CREATE LANGUAGE", "CREATE TRUSTED LANGUAGE evil HANDLER plpgsql_call_handler;"),
                        "must be superuser to create custom procedural language"),
                Arguments.of(Named.of("CREATE EXTENSION adminpack (writes files)", "CREATE EXTENSION adminpack;"),
                        "permission denied to create extension \"adminpack\""),
                Arguments.of(Named.of("CREATE EXTENSION dblink (connects as others)", "CREATE EXTENSION dblink;"),
                        "permission denied to create extension \"dblink\""),
                Arguments.of(Named.of("SET SESSION AUTHORIZATION postgres",
                                "SET SESSION AUTHORIZATION postgres;\nCREATE TABLE leak AS SELECT pg_read_file('/etc/passwd') AS s;"),
                        "permission denied to set session authorization"),
                Arguments.of(Named.of("RESET ROLE", "RESET ROLE;\nCREATE TABLE leak AS SELECT pg_read_file('/etc/passwd') AS s;"),
                        "permission denied for function pg_read_file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void shadowRoleIsRefused(String sql, String refusal) {
        ShadowDatabase shadow = new ShadowDatabase(SERVER);
        assertThatThrownBy(() -> shadow.run(unchecked(sql), db -> "escaped"))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineException.Code.SHADOW_FAILED);
                    assertThat(e.getMessage()).contains("statement failed in the shadow database").contains(refusal);
                });
        assertThat(ShadowDatabaseTest.query(SERVER, "SELECT 1 FROM pg_database WHERE datname = '" + shadow.lastName() + "'")).isEmpty();
    }

    @Test
    void statementsRunLoggedInAsTheUnprivilegedPerRunRole() {
        List<String> facts = new ShadowDatabase(SERVER).run(unchecked(
                "CREATE TABLE who AS SELECT session_user::text AS s, current_user::text AS c;"), db ->
                ShadowDatabaseTest.query(db, "SELECT w.s || ':' || w.c || ':' || r.rolsuper || r.rolcreatedb || r.rolcreaterole"
                        + " || pg_has_role(w.s, 'pg_read_server_files', 'MEMBER') || pg_has_role(w.s, 'pg_execute_server_program', 'MEMBER')"
                        + " || pg_has_role(w.s, 'pg_write_server_files', 'MEMBER')"
                        + " FROM who w JOIN pg_roles r ON r.rolname = w.s"));
        assertThat(facts).singleElement().asString()
                .matches("(converge_shadow_[0-9a-z]+_[0-9a-f]{10}):\\1:falsefalsefalsefalsefalsefalse");
    }

    /**
     * ALTER SYSTEM cannot be tried as a statement: the shadow runs the files in a transaction block, which refuses it
     * before the role is consulted. So the role's own right is asked: it may not ALTER SYSTEM the settings that load
     * code or run programs.
     */
    @Test
    void theRoleMayNotAlterSystemSettingsThatLoadCodeOrRunPrograms() {
        List<String> rights = new ShadowDatabase(SERVER).run(unchecked(
                "CREATE TABLE rights AS SELECT p AS setting, has_parameter_privilege(session_user, p, 'ALTER SYSTEM') AS alter_system,"
                        + " has_parameter_privilege(session_user, p, 'SET') AS set"
                        + " FROM unnest(ARRAY['shared_preload_libraries', 'archive_command', 'session_preload_libraries']) AS p;"),
                db -> ShadowDatabaseTest.query(db, "SELECT setting || ' ' || alter_system || ' ' || set FROM rights ORDER BY 1"));
        assertThat(rights).containsExactly("archive_command false false", "session_preload_libraries false false",
                "shared_preload_libraries false false");
    }
}
