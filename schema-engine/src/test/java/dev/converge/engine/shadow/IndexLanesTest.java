package dev.converge.engine.shadow;

import static dev.converge.engine.shadow.ShadowDatabaseTest.accepted;
import static dev.converge.engine.shadow.ShadowDatabaseTest.exists;
import static dev.converge.engine.shadow.ShadowDatabaseTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.engine.DbConn;
import dev.converge.engine.EngineException;
import dev.converge.engine.source.CheckedStatement;
import dev.converge.engine.source.CheckedStatement.Disposition;
import dev.converge.engine.source.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shadow's parallel index lanes must give the same database, errors and security as one connection. */
class IndexLanesTest {

    private static final DbConn SERVER = DbConn.parse(System.getenv().getOrDefault("CONVERGE_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres"));

    @Test
    void indexesCommentsAndLaterDependentsSeeTheSameDatabaseAsOneConnectionWould() {
        StringBuilder sql = new StringBuilder("CREATE SCHEMA app;\nSET search_path = app;\n");
        for (int i = 0; i < 30; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, note text, n int);\n");
        }
        for (int i = 0; i < 30; i++) { // unqualified: the lanes must have the search_path set above
            sql.append("CREATE INDEX t").append(i).append("_note ON t").append(i).append(" USING btree (note);\n")
                    .append("COMMENT ON COLUMN t").append(i).append(".note IS 'note ").append(i).append("';\n")
                    .append("CREATE UNIQUE INDEX t").append(i).append("_n ON t").append(i).append(" (n);\n")
                    .append("COMMENT ON TABLE t").append(i).append(" IS 'table ").append(i).append("';\n");
        }
        sql.append("""
                CREATE TABLE after (n int REFERENCES t3 (n));
                COMMENT ON INDEX t5_note IS 'needs the index';
                CREATE TABLE p (id int, k int) PARTITION BY RANGE (id);
                CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);
                CREATE INDEX p1_k ON p1 (k);
                CREATE INDEX p_k ON p (k);
                """);
        List<String> seen = new ShadowDatabase(SERVER).run(accepted("s.sql", sql.toString()), shadow -> {
            List<String> facts = new ArrayList<>();
            facts.addAll(query(shadow, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                    + "WHERE c.relnamespace = 'app'::regnamespace AND c.relname ~ '^t[0-9]+$'"));
            facts.addAll(query(shadow, "SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid "
                    + "WHERE c.relnamespace = 'app'::regnamespace"));
            facts.addAll(query(shadow, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));
            // the partition's own index was attached to the parent's, not duplicated
            facts.addAll(query(shadow, "SELECT string_agg(indexrelid::regclass::text, ',') FROM pg_index "
                    + "WHERE indrelid = 'app.p1'::regclass"));
            return facts;
        });
        assertThat(seen).containsExactly(String.valueOf(30 * 3), String.valueOf(30 * 2 + 1), "1", "app.p1_k");
    }

    @Test
    void theEarliestFailingStatementIsReportedWithItsFileAndLineAndTheShadowIsDropped() {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            a.append("CREATE TABLE t").append(i).append(" (id int, note text);\n");
        }
        List<CheckedStatement> statements = new ArrayList<>(accepted("a.sql", a.toString()));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append("CREATE INDEX t").append(i).append("_note ON t").append(i).append(" (note);\n");
        }
        b.append("CREATE INDEX t4_bad ON t4 (missing_a);\n"); // line 13
        for (int i = 0; i < 12; i++) {
            b.append("CREATE INDEX t").append(i).append("_id ON t").append(i).append(" (id);\n");
        }
        b.append("CREATE INDEX t7_bad ON t7 (missing_b);\n");
        b.append("CREATE INDEX t1_note ON t1 (id);\n"); // a repeated name: runs alone, after the others
        statements.addAll(accepted("b.sql", b.toString()));
        ShadowDatabase shadowDatabase = new ShadowDatabase(SERVER);
        assertThatThrownBy(() -> shadowDatabase.run(statements, shadow -> "never"))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineException.Code.SHADOW_FAILED);
                    assertThat(e.getMessage()).startsWith("b.sql:13")
                            .endsWith("statement failed in the shadow database: column \"missing_a\" does not exist");
                });
        assertThat(exists(shadowDatabase.lastName())).isFalse();
        assertThat(query(SERVER, "SELECT 1 FROM pg_roles WHERE rolname = '" + shadowDatabase.lastName() + "'")).isEmpty();
    }

    @Test
    void aRepeatedIndexNameFailsAsItWouldOnOneConnection() {
        List<CheckedStatement> statements = accepted("s.sql", """
                CREATE TABLE a (x int);
                CREATE TABLE b (x int);
                CREATE INDEX same ON a (x);
                CREATE INDEX same ON b (x);
                """);
        assertThatThrownBy(() -> new ShadowDatabase(SERVER).run(statements, shadow -> "never"))
                .hasMessage("s.sql:4:1: statement failed in the shadow database: relation \"same\" already exists");
    }

    @Test
    void lanesRunAsTheRestrictedRole() {
        List<CheckedStatement> statements = new ArrayList<>(accepted("s.sql", """
                CREATE TABLE t (id int);
                CREATE FUNCTION not_super(int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $fn$
                BEGIN
                  IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
                    RAISE EXCEPTION 'index built by a superuser';
                  END IF;
                  RETURN $1;
                END;
                $fn$;
                """));
        // a row, so that building the index calls the function (the allowlist refuses INSERT; this test does not)
        statements.add(new CheckedStatement(StatementSplitter.split("s.sql", "INSERT INTO t VALUES (1)").get(0), "INSERT",
                Disposition.EXECUTE));
        statements.addAll(accepted("s.sql", "CREATE INDEX t_a ON t (not_super(id));\nCREATE INDEX t_b ON t (id);"));
        List<String> seen = new ShadowDatabase(SERVER).run(statements, shadow -> query(shadow,
                "SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass"));
        assertThat(seen).containsExactly("2");
    }
}
