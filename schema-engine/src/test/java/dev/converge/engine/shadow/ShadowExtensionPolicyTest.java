package dev.converge.engine.shadow;

import static dev.converge.engine.shadow.ShadowDatabaseTest.accepted;
import static dev.converge.engine.shadow.ShadowDatabaseTest.exists;
import static dev.converge.engine.shadow.ShadowDatabaseTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.common.Hashing;
import dev.converge.common.events.StateFile;
import dev.converge.engine.DbConn;
import dev.converge.engine.DesiredSource;
import dev.converge.engine.EngineException;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.introspect.IntrospectOptions;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.source.StateFileException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code CREATE EXTENSION} by the server's trust, not by a blocklist: a trusted extension is created by the
 * restricted per-run role (so it is owned by it), an untrusted one is refused with file:line and how to allow it,
 * runs with the administrator's rights once the project allows it, and the extensions that reach outside the
 * database stay refused even when allowed. Needs pageinspect (untrusted) and citext (trusted), as PostgreSQL's
 * contrib packages ship them.
 */
class ShadowExtensionPolicyTest {

    private static final DbConn SERVER = DbConn.parse(System.getenv().getOrDefault("CONVERGE_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres"));

    /** Owner of the extension, whether that owner is a superuser, and whether it owns the shadow database. */
    private static final String OWNER = "SELECT r.rolname || ':' || r.rolsuper || ':' || (e.extowner = d.datdba) "
            + "FROM pg_extension e JOIN pg_roles r ON r.oid = e.extowner JOIN pg_database d ON d.datname = current_database() "
            + "WHERE e.extname = ";

    @Test
    void trustedExtensionIsCreatedByTheRestrictedRoleNotElevated() {
        List<String> seen = new ShadowDatabase(SERVER).run(accepted("ext.sql", """
                CREATE EXTENSION citext;
                COMMENT ON EXTENSION citext IS 'case-insensitive text';
                CREATE TABLE person (email citext);
                """), shadow -> query(shadow, OWNER + "'citext'"));
        assertThat(seen).singleElement().asString().matches("converge_shadow_[0-9a-z]+_[0-9a-f]{10}:false:true");
    }

    @Test
    void untrustedExtensionIsRefusedWithItsLocationAndHowToAllowIt() {
        ShadowDatabase shadow = new ShadowDatabase(SERVER);
        assertThatThrownBy(() -> shadow.run(accepted("db/ext.sql", "CREATE TABLE a (id int);\n\n  CREATE EXTENSION pageinspect;\n"),
                db -> "loaded"))
                .isInstanceOfSatisfying(StateFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineException.Code.STATE_FILE_INVALID);
                    assertThat(e.getMessage()).isEqualTo("db/ext.sql:3:3: CREATE EXTENSION pageinspect is refused: the server "
                            + "does not mark pageinspect as trusted, so its script would run with superuser rights; if the "
                            + "project needs it, allow it explicitly (converge plan --allow-extension pageinspect; "
                            + "diff-service: converge.projects.<project>.allowed-extensions=pageinspect)");
                    assertThat(e.violations()).singleElement().extracting(v -> v.code()).isEqualTo("EXTENSION_NOT_TRUSTED");
                });
        assertThat(exists(shadow.lastName())).as("shadow dropped after the refusal").isFalse();
    }

    @Test
    void untrustedExtensionRunsWithTheAdministratorsRightsOnceAllowed() {
        List<String> seen = new ShadowDatabase(SERVER, Set.of("PageInspect")).run(accepted("ext.sql", """
                CREATE EXTENSION pageinspect;
                COMMENT ON EXTENSION pageinspect IS 'allowed by the project';
                """), shadow -> query(shadow, OWNER + "'pageinspect'"));
        assertThat(seen).containsExactly(SERVER.user() + ":true:false");
    }

    @Test
    void cascadeCountsEveryExtensionItWouldInstall() {
        // earthdistance (untrusted) requires cube (trusted): allowing earthdistance is enough, and cube is created too
        assertThatThrownBy(() -> new ShadowDatabase(SERVER).run(accepted("e.sql", "CREATE EXTENSION earthdistance CASCADE;"),
                db -> "loaded"))
                .hasMessageStartingWith("e.sql:1:1: CREATE EXTENSION earthdistance is refused: the server does not mark "
                        + "earthdistance as trusted");
        List<String> seen = new ShadowDatabase(SERVER, Set.of("earthdistance")).run(
                accepted("e.sql", "CREATE EXTENSION earthdistance CASCADE;"),
                shadow -> query(shadow, "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension WHERE extname <> 'plpgsql'"));
        assertThat(seen).containsExactly("cube,earthdistance");
    }

    @Test
    void extensionTheServerDoesNotHaveIsNamed() {
        assertThatThrownBy(() -> new ShadowDatabase(SERVER).run(accepted("x.sql", "CREATE EXTENSION IF NOT EXISTS ext_no_such_one;"),
                db -> "loaded"))
                .isInstanceOfSatisfying(StateFileException.class, e -> assertThat(e.getMessage())
                        .startsWith("x.sql:1:1: CREATE EXTENSION ext_no_such_one: extension \"ext_no_such_one\" is not available on "
                                + SERVER.host() + ":" + SERVER.port()));
    }

    @Test
    void aNameTheReaderDoesNotFollowNeverRunsElevated() {
        // U&"…" spells pageinspect in a way the allowlist's reader does not decode: PostgreSQL decides, for the restricted role
        assertThatThrownBy(() -> new ShadowDatabase(SERVER, Set.of("pageinspect")).run(
                accepted("u.sql", "CREATE EXTENSION U&\"page\\0069nspect\";"), db -> "loaded"))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineException.Code.SHADOW_FAILED);
                    assertThat(e.getMessage()).contains("permission denied to create extension \"pageinspect\"");
                });
    }

    @Test
    void extensionsThatReachOutsideTheDatabaseStayRefusedEvenWhenAllowed() {
        String sql = "CREATE TABLE a (id int);\nCREATE EXTENSION dblink;\n";
        DesiredSource.Files files = DesiredSource.files(List.of(new StateFile("ext.sql", sql, Hashing.sha256Hex(sql))), null)
                .allowingExtensions(Set.of("dblink"));
        assertThatThrownBy(() -> new SchemaEngine().desiredModel(SERVER, files, IntrospectOptions.defaults()))
                .isInstanceOfSatisfying(StateFileException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "ext.sql:2:1: CREATE EXTENSION dblink is not allowed in a state file (it reaches files, programs or other servers)"));
    }

    @Test
    void theEngineCarriesTheAllowedExtensionsToTheShadow() {
        String sql = "CREATE EXTENSION pageinspect;\nCREATE EXTENSION citext;\nCREATE TABLE t (e citext);\n";
        DesiredSource.Files files = DesiredSource.files(List.of(new StateFile("ext.sql", sql, Hashing.sha256Hex(sql))), null);
        assertThatThrownBy(() -> new SchemaEngine().desiredModel(SERVER, files, IntrospectOptions.defaults()))
                .isInstanceOf(StateFileException.class).hasMessageContaining("--allow-extension pageinspect");
        SchemaModel model = new SchemaEngine().desiredModel(SERVER, files.allowingExtensions(List.of("pageinspect")),
                IntrospectOptions.defaults());
        assertThat(model.objects().keySet()).contains("extension:pageinspect", "extension:citext");
    }
}
