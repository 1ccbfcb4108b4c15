package dev.converge.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.engine.source.CheckedStatement.Disposition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateFileValidatorTest {

    private final StateFileValidator validator = new StateFileValidator();

    private ValidationResult validate(String file, String text) {
        return validator.validate(StatementSplitter.split(file, text));
    }

    private String refusal(String sql) {
        ValidationResult result = validate("s.sql", sql);
        assertThat(result.violations()).as("refusals of %s", sql).hasSize(1);
        return result.violations().get(0).toString();
    }

    @Test
    void rejectsDeleteNamingFileLineColumnAndKind() {
        ValidationResult result = validate("schemas/b.sql", "CREATE TABLE t (id int);\n\n\n\n\n\nDELETE FROM t;\n");
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.toString()).isEqualTo("schemas/b.sql:7:1: DELETE is not allowed in a state file "
                    + "(state files describe the schema; data changes belong in a migration)");
            assertThat(v.code()).isEqualTo("DML_NOT_ALLOWED");
        });
        assertThat(result.accepted()).extracting(CheckedStatement::kind).containsExactly("CREATE TABLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO t VALUES (1)", "update t set a = 1", "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
            "TRUNCATE t"})
    void rejectsDml(String sql) {
        assertThat(refusal(sql)).contains("is not allowed in a state file").contains("data changes belong in a migration");
    }

    @Test
    void rejectsDataModifyingWithFoundByJSqlParser() {
        assertThat(refusal("WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone"))
                .contains("WITH with DELETE is not allowed");
    }

    @Test
    void rejectsPlainQueriesButAcceptsPgDumpSearchPathReset() {
        assertThat(refusal("SELECT setval('s', 10)")).contains("SELECT is not allowed in a state file");
        assertThat(validate("s.sql", "SELECT pg_catalog.set_config('search_path', '', false);").violations()).isEmpty();
    }

    @Test
    void rejectsDoBlocks() {
        assertThat(refusal("DO $$ BEGIN PERFORM 1; END $$;")).startsWith("s.sql:1:1: DO is not allowed in a state file");
    }

    @Test
    void rejectsCopyDropAndTransactionControl() {
        assertThat(refusal("COPY t FROM stdin")).contains("COPY is not allowed");
        assertThat(refusal("DROP TABLE t")).contains("DROP TABLE is not allowed");
        assertThat(refusal("drop materialized view m")).contains("DROP MATERIALIZED VIEW is not allowed");
        assertThat(refusal("ALTER TABLE t DROP COLUMN c")).contains("ALTER TABLE … DROP COLUMN is not allowed");
        for (String sql : List.of("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT a", "START TRANSACTION", "END")) {
            assertThat(refusal(sql)).contains("is not allowed in a state file (Converge decides how the plan runs in transactions)");
        }
    }

    @Test
    void rejectsAlterSystemAndClusterWideObjects() {
        assertThat(refusal("ALTER SYSTEM SET work_mem = '1GB'")).contains("ALTER SYSTEM is not allowed");
        assertThat(refusal("CREATE ROLE evil SUPERUSER")).contains("CREATE ROLE is not allowed");
        assertThat(refusal("ALTER ROLE app SUPERUSER")).contains("ALTER ROLE is not allowed");
        assertThat(refusal("GRANT pg_read_server_files TO app")).contains("GRANT of role membership is not allowed");
    }

    @Test
    void rejectsUntrustedFunctionLanguages() {
        assertThat(refusal("CREATE FUNCTION f() RETURNS int AS 'libc', 'abs' LANGUAGE C"))
                .contains("CREATE FUNCTION … LANGUAGE c is not allowed");
        assertThat(refusal("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE internal AS 'int4abs'"))
                .contains("LANGUAGE internal is not allowed");
    }

    @Test
    void rejectsServerFileProgramAndRemoteAccessEvenInsideFunctionBodies() {
        assertThat(refusal("CREATE MATERIALIZED VIEW m AS SELECT pg_read_file('/etc/passwd')"))
                .contains("CREATE MATERIALIZED VIEW calls pg_read_file");
        assertThat(refusal("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM lo_import('/x'); END $$"))
                .contains("calls lo_import");
        assertThat(refusal("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN COPY t TO PROGRAM 'rm -rf /'; END $$"))
                .contains("COPY to/from a file or program");
        assertThat(refusal("CREATE VIEW v AS SELECT * FROM dblink('host=x', 'select 1') AS t(a int)")).contains("calls dblink");
        assertThat(refusal("CREATE EXTENSION dblink")).contains("CREATE EXTENSION dblink is not allowed");
    }

    @Test
    void leavesCreateExtensionToTheShadowsPolicyWithWhatItAsksFor() {
        assertThat(extension("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA ext VERSION '1.1' CASCADE"))
                .isEqualTo(new ExtensionRequest("uuid-ossp", "1.1", true));
        assertThat(extension("create extension PgCrypto schema \"My Ext\" version v2"))
                .isEqualTo(new ExtensionRequest("pgcrypto", "v2", false));
        // shapes the reader does not follow exactly have no name: the shadow never elevates them
        assertThat(extension("CREATE EXTENSION U&\"d\\0062link\"")).isEqualTo(new ExtensionRequest(null, null, false));
        assertThat(extension("CREATE EXTENSION citext SCHEMA")).isEqualTo(new ExtensionRequest(null, null, false));
        assertThat(extension("CREATE EXTENSION citext FROM unpackaged")).isEqualTo(new ExtensionRequest(null, null, false));
        assertThat(StateFileValidator.isRefusedExtension("postgres_fdw")).isTrue();
        assertThat(StateFileValidator.isRefusedExtension("pageinspect")).isFalse();
    }

    private ExtensionRequest extension(String sql) {
        ValidationResult result = validate("e.sql", sql);
        assertThat(result.violations()).isEmpty();
        assertThat(result.accepted()).singleElement().extracting(CheckedStatement::disposition).isEqualTo(Disposition.BY_EXTENSION_POLICY);
        return result.accepted().get(0).extension();
    }

    @Test
    void rejectsRoleSwitchesAlsoInsideFunctionBodies() {
        assertThat(refusal("SET ROLE postgres")).contains("SET ROLE is not allowed");
        assertThat(refusal("SET SESSION AUTHORIZATION postgres")).contains("SET SESSION AUTHORIZATION is not allowed");
        assertThat(refusal("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'set role postgres'; END $$"))
                .contains("contains 'set role'");
        assertThat(refusal("CREATE VIEW v AS SELECT set_config('role', 'postgres', false)")).contains("contains");
    }

    @Test
    void runsLeakproofFunctionsElevatedUnlessSecurityDefiner() {
        ValidationResult result = validate("f.sql", """
                CREATE FUNCTION eq(a text, b text) RETURNS boolean AS $$ BEGIN RETURN a = b; END; $$ LANGUAGE plpgsql IMMUTABLE LEAKPROOF;
                CREATE FUNCTION eq2(a text, b text) RETURNS boolean AS $$ SELECT a = b $$ LANGUAGE sql LEAKPROOF SECURITY DEFINER;
                """);
        assertThat(result.accepted()).extracting(CheckedStatement::disposition)
                .containsExactly(Disposition.EXECUTE_ELEVATED, Disposition.EXECUTE);
    }

    @Test
    void refusesEventTriggersLoudly() {
        assertThat(refusal("CREATE EVENT TRIGGER stop_ddl ON ddl_command_start EXECUTE FUNCTION f()"))
                .contains("CREATE EVENT TRIGGER is not supported in a state file");
    }

    @Test
    void rejectsPsqlMetaCommandsAndTemporaryObjects() {
        assertThat(refusal("\\connect other")).contains("psql meta-command \\connect is not supported");
        assertThat(refusal("CREATE TEMP TABLE x (a int)")).contains("CREATE TEMPORARY TABLE is not allowed");
    }

    @Test
    void acceptsSchemaDefinitionsOfEveryKind() {
        String text = """
                CREATE SCHEMA app;
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE TYPE app.mood AS ENUM ('sad', 'ok');
                CREATE DOMAIN app.pos AS int CHECK (VALUE > 0);
                CREATE SEQUENCE app.s;
                CREATE UNLOGGED TABLE app.t (id int PRIMARY KEY, m app.mood);
                CREATE UNIQUE INDEX CONCURRENTLY t_m ON app.t (m);
                CREATE OR REPLACE VIEW app.v AS SELECT * FROM app.t;
                CREATE MATERIALIZED VIEW app.mv AS SELECT 1 AS one;
                CREATE FUNCTION app.f() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN DELETE FROM x; RETURN NEW; END $fn$;
                CREATE TRIGGER trg BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.f();
                CREATE CONSTRAINT TRIGGER ctrg AFTER INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.f();
                CREATE POLICY p ON app.t USING (true);
                CREATE PROCEDURE app.p() LANGUAGE sql BEGIN ATOMIC INSERT INTO app.t VALUES (1); END;
                ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
                ALTER TABLE app.t ADD CONSTRAINT c CHECK (id > 0);
                ALTER TABLE app.t ALTER COLUMN m SET DEFAULT 'ok';
                ALTER TABLE app.t OWNER TO app_user;
                COMMENT ON TABLE app.t IS 'DELETE FROM nothing; DROP TABLE here is text';
                GRANT SELECT ON app.t TO PUBLIC;
                REVOKE ALL ON app.t FROM PUBLIC;
                SET search_path = app, public;
                SET check_function_bodies = false;
                SET client_encoding = 'UTF8';
                SET statement_timeout = 0;
                """;
        ValidationResult result = validate("all.sql", text);
        assertThat(result.violations()).isEmpty();
        assertThat(result.accepted()).hasSize(25);
        assertThat(result.accepted()).filteredOn(c -> c.disposition() == Disposition.EXECUTE_ELEVATED)
                .extracting(CheckedStatement::kind).containsExactly("ALTER TABLE OWNER TO");
        assertThat(result.accepted()).filteredOn(c -> c.disposition() == Disposition.BY_EXTENSION_POLICY)
                .extracting(CheckedStatement::extension).containsExactly(new ExtensionRequest("pg_trgm", null, false));
        assertThat(result.accepted()).filteredOn(c -> c.disposition() == Disposition.SKIP)
                .extracting(CheckedStatement::kind).containsExactly("SET client_encoding", "SET statement_timeout");
    }

    @Test
    void reportsEveryRefusalOfAFileNotJustTheFirst() {
        ValidationResult result = validate("x.sql", "DELETE FROM a;\nCREATE TABLE ok (id int);\nDROP TABLE b;\n");
        assertThat(result.violations()).extracting(Violation::line).containsExactly(1, 3);
        assertThat(result.isValid()).isFalse();
    }
}
