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
                        "permission denied to set role \"postgres\""));
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
                        + " FROM who w JOIN pg_roles r ON r.rolname = w.s"));
        assertThat(facts).singleElement().asString()
                .matches("(converge_shadow_[0-9a-z]+_[0-9a-f]{10}):\\1:falsefalsefalsefalsefalse");
    }
}
