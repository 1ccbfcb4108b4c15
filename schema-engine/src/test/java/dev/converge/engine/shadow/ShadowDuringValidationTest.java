package dev.converge.engine.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.common.events.StateFile;
import dev.converge.engine.DbConn;
import dev.converge.engine.DesiredSource;
import dev.converge.engine.EngineException;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.introspect.IntrospectOptions;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import dev.converge.engine.source.StateFileException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaEngine#plan} creates the shadow database while the allowlist checks the state files: a refusal must
 * still be what the user sees (naming file:line), and the shadow must be gone when {@code plan} returns.
 */
class ShadowDuringValidationTest {

    private static final DbConn SERVER = DbConn.parse(System.getenv().getOrDefault("CONVERGE_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres"));

    /**
     * Shadows are created through a user with CREATEDB only: it owns the shadow databases it creates (no per-run
     * role), so that the test sees its own shadows and not those of other runs on the same server.
     */
    private static final String PROBE = "es_pf_shadow_probe";
    private static final DbConn PROBE_SERVER = new DbConn(SERVER.host(), SERVER.port(), "postgres", PROBE, null);

    @BeforeAll
    static void createProbe() {
        ShadowDatabaseTest.query(SERVER, "DROP ROLE IF EXISTS " + PROBE);
        ShadowDatabaseTest.query(SERVER, "CREATE ROLE " + PROBE + " LOGIN CREATEDB");
    }

    @AfterAll
    static void dropProbe() {
        ShadowDatabaseTest.query(SERVER, "DROP ROLE IF EXISTS " + PROBE);
    }

    private static List<String> shadows() {
        return ShadowDatabaseTest.query(SERVER, "SELECT datname FROM pg_database WHERE datdba = '" + PROBE + "'::regrole");
    }

    private static Plan plan(DbConn shadowServer, StateFile... files) {
        return new SchemaEngine().plan(SERVER, DesiredSource.files(List.of(files), shadowServer), PlanOptions.defaults(),
                IntrospectOptions.defaults());
    }

    private static StateFile file(String path, String content) {
        return new StateFile(path, content, "0".repeat(64));
    }

    @Test
    void refusedStatementIsReportedWithFileAndLineAndTheShadowCreatedMeanwhileIsDropped() {
                StateFile a = file("a.sql", "CREATE TABLE pf_ok (id int);\n");
        StateFile b = file("b.sql", "CREATE TABLE pf_t (id int);\n\nDELETE FROM pf_t;\n");
        assertThatThrownBy(() -> plan(PROBE_SERVER, a, b))
                .isInstanceOfSatisfying(StateFileException.class, e -> {
                    assertThat(e.getMessage()).startsWith("b.sql:3:1: ").contains("DELETE");
                    assertThat(e.location()).get().extracting(l -> l.file() + ":" + l.line()).isEqualTo("b.sql:3");
                });
        assertThat(shadows()).as("no shadow database left behind").isEmpty();
    }

    @Test
    void refusalWinsOverAShadowServerThatCannotBeReached() throws Exception {
        DbConn closed = ShadowDatabaseTest.unreachableServer();
        assertThatThrownBy(() -> plan(closed, file("s.sql", "CREATE TABLE t (id int);\nDO $$ BEGIN END $$;\n")))
                .isInstanceOfSatisfying(StateFileException.class, e -> assertThat(e.getMessage()).startsWith("s.sql:2:1: DO"));
    }

    @Test
    void failingStatementNamesFileAndLineAndTheShadowIsDropped() {
                StateFile a = file("a.sql", "CREATE TABLE pf_a (id int PRIMARY KEY);\nCREATE INDEX pf_a_id ON pf_a (id);\n");
        StateFile b = file("b.sql", "CREATE INDEX pf_b_x ON pf_a (id);\n\nCREATE INDEX pf_b_y ON pf_a (no_such_column);\n");
        assertThatThrownBy(() -> plan(PROBE_SERVER, a, b))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineException.Code.SHADOW_FAILED);
                    assertThat(e.getMessage()).startsWith("b.sql:3")
                            .endsWith("statement failed in the shadow database: column \"no_such_column\" does not exist");
                });
        assertThat(shadows()).as("no shadow database left behind").isEmpty();
    }

    @Test
    void validFilesArePlannedAndTheShadowIsDropped() {
                Plan plan = plan(PROBE_SERVER, file("a.sql", "CREATE TABLE pf_shadow_overlap (id int PRIMARY KEY, note text);\n"
                + "CREATE INDEX pf_shadow_overlap_note ON pf_shadow_overlap (note);\n"
                + "COMMENT ON COLUMN pf_shadow_overlap.note IS 'n';\n"));
        assertThat(plan.toSql()).contains("CREATE TABLE").contains("pf_shadow_overlap_note").contains("COMMENT ON COLUMN");
        assertThat(shadows()).isEmpty();
    }
}
