package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.json.Json;
import dev.converge.engine.DbConn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvergeCliTest {

    private static final String TABLE_T = "CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL);";

    @TempDir
    Path dir;

    private final TestDatabases dbs = new TestDatabases();

    @AfterEach
    void dropDatabases() {
        dbs.close();
    }

    record Run(int code, String out, String err) {
    }

    private static Run converge(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConvergeCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String relative, String content) throws IOException {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return path;
    }

    private String pattern(String glob) {
        return dir.resolve(glob).toString();
    }

    private static void assertOneLineFailure(Run run, String expectedMessagePart) {
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("converge: ").contains(expectedMessagePart).doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void plansFromDesiredDatabaseAsSqlAndSignalsChangesWithExitCode() {
        DbConn target = dbs.create("");
        DbConn desired = dbs.create(TABLE_T);

        Run run = converge("plan", "--target", TestDatabases.url(target), "--desired-url", TestDatabases.url(desired));
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("CREATE TABLE public.t (").contains(";");
        assertThat(run.err()).isEmpty();

        assertThat(converge("plan", "--target", TestDatabases.url(target), "--desired-url", TestDatabases.url(desired), "--exit-code").code())
                .isEqualTo(2);
        Run same = converge("plan", "--target", TestDatabases.url(desired), "--desired-url", TestDatabases.url(desired), "--exit-code");
        assertThat(same.code()).isZero();
        assertThat(same.out()).isBlank();
    }

    @Test
    void printsTheFullPlanAsJson() {
        DbConn target = dbs.create("CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL, old int);");
        DbConn desired = dbs.create(TABLE_T);
        Run run = converge("plan", "--target", TestDatabases.url(target), "--desired-url", TestDatabases.url(desired), "--format", "json");
        assertThat(run.code()).isZero();
        JsonNode plan = Json.decode(run.out(), JsonNode.class);
        assertThat(plan.get("empty").asBoolean()).isFalse();
        assertThat(plan.get("baseHash").asText()).hasSize(64);
        JsonNode statement = plan.get("statements").get(0);
        assertThat(statement.get("sql").asText()).contains("DROP COLUMN old");
        assertThat(statement.get("hazards").toString()).contains("DELETES_DATA");
        assertThat(statement.has("lockTimeoutMs")).isTrue();
    }

    @Test
    void plansFromStateFilesThroughTheShadowDatabaseAndAppliesFunctionBodyWithSemicolons() throws IOException {
        DbConn target = dbs.create("");
        file("schemas/1_util.sql", """
                CREATE SCHEMA util;
                CREATE FUNCTION util.add_one(i int) RETURNS int LANGUAGE plpgsql AS $fn$
                DECLARE r int;
                BEGIN
                  r := i + 1; -- a ; inside the body
                  RETURN r;
                END;
                $fn$;
                CREATE TABLE after_function (id int DEFAULT util.add_one(41));
                """);
        file("schemas/2_tables.sql", TABLE_T + "\nCREATE INDEX t_name ON t (name);\n");

        Run run = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("schemas/**/*.sql"),
                "--format", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        JsonNode plan = Json.decode(run.out(), JsonNode.class);
        for (JsonNode statement : plan.get("statements")) {
            TestDatabases.exec(target, statement.get("sql").asText());
        }
        assertThat(TestDatabases.query(target, "SELECT util.add_one(1)")).containsExactly("2");
        TestDatabases.exec(target, "INSERT INTO public.after_function DEFAULT VALUES");
        assertThat(TestDatabases.query(target, "SELECT id FROM public.after_function")).containsExactly("42");
        assertThat(TestDatabases.query(target, "SELECT count(*) FROM pg_indexes WHERE indexname = 't_name'")).containsExactly("1");
        Run again = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("schemas/**/*.sql"), "--exit-code");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
    }

    @Test
    void renamesByAnnotationKeepingTheData() throws IOException {
        DbConn target = dbs.create("CREATE TABLE customers (id int PRIMARY KEY, full_name text);"
                + "INSERT INTO customers VALUES (1, 'Ada');");
        file("s/a.sql", """
                -- converge:renamed-from customers
                CREATE TABLE clients (
                  id int PRIMARY KEY,
                  -- converge:renamed-from full_name
                  name text
                );
                """);
        Run run = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"), "--format", "json");
        assertThat(run.err()).isEmpty();
        JsonNode plan = Json.decode(run.out(), JsonNode.class);
        assertThat(plan.get("statements").toString()).contains("RENAME").doesNotContain("DROP TABLE");
        for (JsonNode statement : plan.get("statements")) {
            TestDatabases.exec(target, statement.get("sql").asText());
        }
        assertThat(TestDatabases.query(target, "SELECT name FROM public.clients WHERE id = 1")).containsExactly("Ada");
    }

    @Test
    void rejectsDeleteInAStateFile() throws IOException {
        DbConn target = dbs.create("");
        file("s/a.sql", TABLE_T + "\n\nDELETE FROM t;\n");
        Run run = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"));
        assertOneLineFailure(run, "s/a.sql:3:1: DELETE is not allowed in a state file");
    }

    @Test
    void createsTrustedExtensionsAndUntrustedOnlyWhenAllowed() throws IOException {
        DbConn target = dbs.create("");
        file("s/a.sql", "CREATE EXTENSION citext;\nCREATE EXTENSION pageinspect;\nCREATE TABLE p (email citext);\n");
        Run refused = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"));
        assertOneLineFailure(refused, "s/a.sql:2:1: CREATE EXTENSION pageinspect is refused: the server does not mark "
                + "pageinspect as trusted");
        assertThat(refused.err()).contains("--allow-extension pageinspect");

        Run allowed = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"),
                "--allow-extension", "pageinspect");
        assertThat(allowed.err()).isEmpty();
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out().lines().filter(l -> l.startsWith("CREATE EXTENSION")))
                .anyMatch(l -> l.contains("citext")).anyMatch(l -> l.contains("pageinspect"));

        file("s/b.sql", "CREATE EXTENSION dblink;\n");
        Run blocked = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"),
                "--allow-extension", "pageinspect", "--allow-extension", "dblink");
        assertOneLineFailure(blocked, "s/b.sql:1:1: CREATE EXTENSION dblink is not allowed in a state file");
    }

    @Test
    void rejectsDoBlockInAStateFile() throws IOException {
        DbConn target = dbs.create("");
        file("s/a.sql", "DO $$ BEGIN RAISE NOTICE 'hi;'; END $$;\n" + TABLE_T);
        Run run = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"));
        assertOneLineFailure(run, "s/a.sql:1:1: DO is not allowed in a state file");
    }

    @Test
    void namesSecondFileAndLineSevenForASyntaxError() throws IOException {
        DbConn target = dbs.create("");
        file("s/1_first.sql", TABLE_T);
        file("s/2_second.sql", """
                -- second file
                CREATE TABLE a (id int);

                CREATE TABLE b (
                  id int,
                  name text
                  broken here,
                  x int
                );
                """);
        Run run = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"));
        assertOneLineFailure(run, "s/2_second.sql:7: statement failed in the shadow database: syntax error at or near \"broken\"");
    }

    @Test
    void reportsAnUnreachableTargetInOneLine() throws IOException {
        int closed = closedPort();
        Run run = converge("plan", "--target", "postgresql://postgres@127.0.0.1:" + closed + "/nowhere",
                "--desired-url", TestDatabases.url(TestDatabases.SERVER));
        assertOneLineFailure(run, "cannot connect to postgresql://postgres@127.0.0.1:" + closed + "/nowhere");
    }

    @Test
    void reportsAShadowDatabaseThatCannotBeCreated() throws IOException {
        DbConn target = dbs.create("");
        file("s/a.sql", TABLE_T);
        int closed = closedPort();
        Run run = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"),
                "--shadow-url", "postgresql://postgres@127.0.0.1:" + closed + "/postgres");
        assertOneLineFailure(run, "cannot create a shadow database: cannot connect to postgresql://postgres@127.0.0.1:" + closed);
    }

    @Test
    void reportsAShadowUserWithoutCreatedb() throws IOException {
        DbConn target = dbs.create("");
        file("s/a.sql", TABLE_T);
        TestDatabases.exec(TestDatabases.SERVER, "DROP ROLE IF EXISTS es_cli_nocreatedb");
        TestDatabases.exec(TestDatabases.SERVER, "CREATE ROLE es_cli_nocreatedb LOGIN NOCREATEDB");
        try {
            Run run = converge("plan", "--target", TestDatabases.url(target), "--file-pattern", pattern("s/*.sql"),
                    "--shadow-url", TestDatabases.url(new DbConn(target.host(), target.port(), "postgres", "es_cli_nocreatedb", null)));
            assertOneLineFailure(run, "permission denied to create database (the user needs the CREATEDB right");
        } finally {
            TestDatabases.exec(TestDatabases.SERVER, "DROP ROLE IF EXISTS es_cli_nocreatedb");
        }
    }

    @Test
    void rejectsBadInputWithOneLineAndExitCodeOne() {
        assertOneLineFailure(converge("plan", "--desired-url", "postgresql://x/y"), "Missing required option: '--target=<url>'");
        assertOneLineFailure(converge("plan", "--target", "postgresql://x/y"), "Missing required argument");
        assertOneLineFailure(converge("plan", "--target", "postgresql://x/y", "--desired-url", "postgresql://x/z", "--file-pattern", "a"),
                "mutually exclusive");
        assertOneLineFailure(converge("plan", "--target", "mysql://x/y", "--desired-url", "postgresql://x/z"), "not a PostgreSQL URL");
        assertOneLineFailure(converge("plan", "--target", "postgresql://x/y", "--desired-url", "postgresql://x/z", "--format", "xml"),
                "--format");
        assertOneLineFailure(converge("frobnicate"), "Unmatched argument");
        assertOneLineFailure(converge("plan", "--target", TestDatabases.url(TestDatabases.SERVER), "--file-pattern", pattern("none/*.sql")),
                "no files match --file-pattern");
    }

    @Test
    void exportedStateFilesPlanBackToEmpty() {
        DbConn source = dbs.create("""
                CREATE SCHEMA "Sales";
                CREATE TYPE "Sales".status AS ENUM ('new', 'paid');
                CREATE TABLE "Sales".customer (id bigserial PRIMARY KEY, email text UNIQUE);
                CREATE TABLE "Sales"."Order" (id serial PRIMARY KEY, customer bigint REFERENCES "Sales".customer,
                    status "Sales".status NOT NULL DEFAULT 'new', total numeric(10,2) CHECK (total >= 0));
                CREATE INDEX order_customer ON "Sales"."Order" (customer) WHERE status = 'new';
                COMMENT ON TABLE "Sales"."Order" IS 'orders; with a semicolon';
                CREATE FUNCTION "Sales".net(total numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT total / 1.2; $$;
                CREATE VIEW "Sales".open_orders AS SELECT id, "Sales".net(total) AS net FROM "Sales"."Order" WHERE status = 'new';
                """);
        Path out = dir.resolve("export");
        Run export = converge("export", "--target", TestDatabases.url(source), "--dir", out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.err()).startsWith("converge: wrote ");

        Run back = converge("plan", "--target", TestDatabases.url(source), "--file-pattern", out + "/*.sql", "--exit-code");
        assertThat(back.err()).isEmpty();
        assertThat(back.out()).isBlank();
        assertThat(back.code()).isZero();
    }

    @Test
    void exportWithManagedPrivilegesAndOwnershipWritesThemAndPlansBackToEmpty() throws IOException {
        List<String> roles = List.of("pv_cli_reader", "pv_cli_owner");
        try {
            for (String role : roles) {
                TestDatabases.exec(TestDatabases.SERVER, "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " NOLOGIN; END IF; END$$");
            }
            DbConn source = dbs.create("""
                    CREATE SCHEMA app;
                    CREATE TABLE app.customer (id serial PRIMARY KEY, name text, secret text);
                    GRANT SELECT (id, name), UPDATE (name) ON app.customer TO pv_cli_reader;
                    GRANT INSERT ON app.customer TO pv_cli_reader WITH GRANT OPTION;
                    GRANT USAGE ON SEQUENCE app.customer_id_seq TO pv_cli_reader;
                    CREATE FUNCTION app.answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
                    REVOKE EXECUTE ON FUNCTION app.answer() FROM PUBLIC;
                    GRANT EXECUTE ON FUNCTION app.answer() TO pv_cli_reader;
                    CREATE VIEW app.names AS SELECT name FROM app.customer;
                    GRANT SELECT ON app.names TO pv_cli_reader;
                    ALTER VIEW app.names OWNER TO pv_cli_owner;
                    GRANT USAGE ON SCHEMA app TO pv_cli_reader;
                    ALTER SCHEMA app OWNER TO pv_cli_owner;
                    """);
            Path out = dir.resolve("export");
            String url = TestDatabases.url(source);
            Run export = converge("export", "--target", url, "--dir", out.toString(), "--manage-privileges", "--manage-ownership");
            assertThat(export.code()).as(export.err()).isZero();
            String written;
            try (var files = Files.list(out)) {
                written = files.sorted().map(f -> {
                    try {
                        return Files.readString(f);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).collect(java.util.stream.Collectors.joining());
            }
            assertThat(written).contains("GRANT SELECT (id, name), UPDATE (name) ON TABLE app.customer TO pv_cli_reader;", "TO pv_cli_reader WITH GRANT OPTION",
                    "REVOKE EXECUTE ON FUNCTION app.answer() FROM PUBLIC", "ALTER VIEW app.names OWNER TO pv_cli_owner",
                    "ALTER SCHEMA app OWNER TO pv_cli_owner");

            String files = out + "/*.sql";
            Run back = converge("plan", "--target", url, "--file-pattern", files, "--exit-code", "--manage-privileges", "--manage-ownership");
            assertThat(back.err()).isEmpty();
            assertThat(back.out()).isBlank();
            assertThat(back.code()).isZero();

            // Drift in privileges shows only when they are managed.
            TestDatabases.exec(source, "REVOKE SELECT ON app.names FROM pv_cli_reader; ALTER TABLE app.customer OWNER TO pv_cli_owner");
            assertThat(converge("plan", "--target", url, "--file-pattern", files, "--exit-code").out()).isBlank();
            Run drift = converge("plan", "--target", url, "--file-pattern", files, "--manage-privileges", "--manage-ownership");
            assertThat(drift.out()).as(drift.err()).contains("GRANT SELECT ON TABLE app.names TO pv_cli_reader;")
                    .contains("ALTER TABLE app.customer OWNER TO CURRENT_USER;");
        } finally {
            dbs.close();
            for (String role : roles) {
                TestDatabases.exec(TestDatabases.SERVER, "DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /** Every object kind of issue 4 (views, matviews with indexes, routines, triggers, types, RLS, partitions, ...). */
    @Test
    void exportOfEveryObjectKindPlansBackToEmpty() throws IOException {
        String fixture;
        try (var in = getClass().getResourceAsStream("/export/all-objects.sql")) {
            fixture = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        DbConn source = dbs.create(fixture);
        Path out = dir.resolve("export");
        Run export = converge("export", "--target", TestDatabases.url(source), "--dir", out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        StringBuilder exported = new StringBuilder();
        try (var files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                exported.append(Files.readString(f));
            }
        }
        assertThat(exported.toString()).contains("CREATE SCHEMA app", "AS ENUM", "AS RANGE", "CREATE TYPE app.point2 AS (",
                "CREATE DOMAIN app.email", "COLLATE pg_catalog.\"C\"", "GENERATED ALWAYS AS IDENTITY", "PARTITION BY RANGE",
                "PARTITION OF app.orders", "DEFAULT", "ENABLE ROW LEVEL SECURITY", "FORCE ROW LEVEL SECURITY",
                "CREATE POLICY own_rows", "AS RESTRICTIVE", "security_barrier=true", "check_option=local", "CREATE MATERIALIZED VIEW",
                "CREATE UNIQUE INDEX order_counts_user", "INSTEAD OF INSERT", "CREATE CONSTRAINT TRIGGER",
                "DISABLE TRIGGER users_touch", "PROCEDURE app.rename_user", "COMMENT ON POLICY", "COMMENT ON TRIGGER")
                .doesNotContain("LANGUAGE internal");

        Run back = converge("plan", "--target", TestDatabases.url(source), "--file-pattern", out + "/*.sql", "--exit-code");
        assertThat(back.err()).isEmpty();
        assertThat(back.out()).isBlank();
        assertThat(back.code()).isZero();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
