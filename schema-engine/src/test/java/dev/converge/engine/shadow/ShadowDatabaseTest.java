package dev.converge.engine.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.engine.DbConn;
import dev.converge.engine.EngineException;
import dev.converge.engine.EngineVertx;
import dev.converge.engine.source.CheckedStatement;
import dev.converge.engine.source.CheckedStatement.Disposition;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.source.StateFileValidator;
import dev.converge.engine.source.StatementSplitter;
import dev.converge.engine.source.ValidationResult;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ShadowDatabaseTest {

    private static final DbConn SERVER = DbConn.parse(System.getenv().getOrDefault("CONVERGE_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres"));

    static List<String> query(DbConn db, String sql) {
        PgConnection conn = EngineVertx.await(PgConnection.connect(EngineVertx.get(), db.toConnectOptions()), 30);
        try {
            List<String> out = new ArrayList<>();
            for (Row row : EngineVertx.await(conn.query(sql).execute(), 30)) {
                out.add(String.valueOf(row.getValue(0)));
            }
            return out;
        } finally {
            EngineVertx.await(conn.close(), 30);
        }
    }

    static List<CheckedStatement> accepted(String file, String text) {
        ValidationResult result = new StateFileValidator().validate(StatementSplitter.split(file, text));
        assertThat(result.violations()).isEmpty();
        return result.accepted();
    }

    static boolean exists(String database) {
        return !query(SERVER, "SELECT 1 FROM pg_database WHERE datname = '" + database + "'").isEmpty();
    }

    @Test
    void runsStatementsUnderARestrictedRoleThenDropsShadowAndRole() {
        List<CheckedStatement> statements = accepted("s.sql", """
                SET check_function_bodies = false;
                CREATE SCHEMA app;
                SET search_path = app;
                CREATE TABLE t (id int PRIMARY KEY, updated timestamptz);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                  NEW.updated := now();
                  RETURN NEW;
                END;
                $fn$;
                CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE EXTENSION IF NOT EXISTS hstore;
                ALTER TABLE t OWNER TO postgres;
                """);
        AtomicReference<String> shadowName = new AtomicReference<>();
        List<String> seen = new ShadowDatabase(SERVER).run(statements, shadow -> {
            shadowName.set(shadow.database());
            List<String> facts = new ArrayList<>(query(shadow,
                    "SELECT c.relname || ':' || pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.relname = 't'"));
            facts.addAll(query(shadow, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"));
            facts.addAll(query(shadow, "SELECT extname || ':' || extnamespace::regnamespace FROM pg_extension WHERE extname = 'hstore'"));
            facts.addAll(query(shadow, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_database()"));
            return facts;
        });
        String name = shadowName.get();
        assertThat(name).matches("converge_shadow_[0-9a-z]+_[0-9a-f]{10}");
        // owned by the per-run role (the OWNER TO a superuser was skipped), the extension was created in app
        assertThat(seen).containsExactly("t:" + name, "t_touch", "hstore:app", "false");
        assertThat(exists(name)).isFalse();
        assertThat(query(SERVER, "SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")).isEmpty();
    }

    @Test
    void failingStatementNamesFileLineAndPostgresMessageAndStillDropsShadow() {
        List<CheckedStatement> statements = new ArrayList<>(accepted("a.sql", "CREATE TABLE a (id int);"));
        statements.addAll(accepted("b.sql", "\n\n\n\n\n\nCREATE TABLE b (\n  id int,\n  oops no_such_type\n);"));
        ShadowDatabase shadowDatabase = new ShadowDatabase(SERVER);
        AtomicReference<String> shadowName = new AtomicReference<>();
        assertThatThrownBy(() -> shadowDatabase.run(statements, shadow -> shadowName.getAndSet(shadow.database())))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineException.Code.SHADOW_FAILED);
                    assertThat(e.getMessage()).isEqualTo(
                            "b.sql:9: statement failed in the shadow database: type \"no_such_type\" does not exist");
                    assertThat(e.location()).get().extracting(l -> l.file() + ":" + l.line()).isEqualTo("b.sql:9");
                });
        assertThat(shadowName.get()).isNull();
        assertThat(shadowDatabase.lastName()).startsWith("converge_shadow_");
        assertThat(exists(shadowDatabase.lastName())).as("shadow dropped after the failure").isFalse();
        assertThat(query(SERVER, "SELECT 1 FROM pg_roles WHERE rolname = '" + shadowDatabase.lastName() + "'")).isEmpty();
    }

    @Test
    void runsStatementsThatRefuseTransactionBlocksOrNeedTheirEffectCommitted() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 450; i++) {
            many.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY);\n"); // spans several batches
        }
        List<CheckedStatement> statements = accepted("s.sql", many + """
                CREATE TYPE mood AS ENUM ('sad');
                ALTER TYPE mood ADD VALUE 'happy';
                CREATE TABLE person (m mood DEFAULT 'happy');
                CREATE INDEX CONCURRENTLY person_m ON person (m);
                """);
        List<String> seen = new ShadowDatabase(SERVER).run(statements, shadow -> query(shadow,
                "SELECT count(*) FROM pg_class WHERE relkind IN ('r', 'i') AND relnamespace = 'public'::regnamespace"));
        assertThat(seen).containsExactly(String.valueOf(450 * 2 + 2));
    }

    @Test
    void removesShadowsAbandonedByKilledRunsOnceTheyAreOld() {
        String old = "converge_shadow_" + Long.toString(System.currentTimeMillis() / 1000 - 7 * 3600, 36) + "_00000000aa";
        query(SERVER, "CREATE DATABASE " + old);
        query(SERVER, "CREATE ROLE " + old);
        new ShadowDatabase(SERVER).run(List.of(), shadow -> "ran");
        assertThat(exists(old)).isFalse();
        assertThat(query(SERVER, "SELECT 1 FROM pg_roles WHERE rolname = '" + old + "'")).isEmpty();
    }

    @Test
    void restrictedRoleCannotReadServerFilesEvenIfTheAllowlistMissedIt() {
        SqlStatement sneaky = StatementSplitter.split("evil.sql",
                "CREATE MATERIALIZED VIEW m AS SELECT pg_read_file('/etc/hostname') AS secret").get(0);
        List<CheckedStatement> statements = List.of(new CheckedStatement(sneaky, "CREATE MATERIALIZED VIEW", Disposition.EXECUTE));
        assertThatThrownBy(() -> new ShadowDatabase(SERVER).run(statements, shadow -> "read"))
                .hasMessageStartingWith("evil.sql:1:1: statement failed in the shadow database: permission denied for function pg_read_file");
    }

    /** A server on a local port that nothing listens on: it was free a moment ago. */
    static DbConn unreachableServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        return new DbConn("127.0.0.1", closedPort, "postgres", "postgres", null);
    }

    @Test
    void reportsAShadowServerThatCannotBeReached() throws Exception {
        DbConn closed = unreachableServer();
        assertThatThrownBy(() -> new ShadowDatabase(closed).run(List.of(), shadow -> "never"))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineException.Code.SHADOW_FAILED);
                    assertThat(e.getMessage()).startsWith("cannot create a shadow database: cannot connect to postgresql://postgres@127.0.0.1:" + closed.port())
                            .doesNotContain("\n");
                });
    }

    @Test
    void reportsAUserWithoutCreatedbRight() {
        query(SERVER, "DROP ROLE IF EXISTS es_nocreatedb");
        query(SERVER, "CREATE ROLE es_nocreatedb LOGIN NOCREATEDB");
        try {
            DbConn weak = new DbConn(SERVER.host(), SERVER.port(), "postgres", "es_nocreatedb", null);
            assertThatThrownBy(() -> new ShadowDatabase(weak).run(List.of(), shadow -> "never"))
                    .isInstanceOfSatisfying(EngineException.class, e -> {
                        assertThat(e.code()).isEqualTo(EngineException.Code.SHADOW_FAILED);
                        assertThat(e.getMessage()).isEqualTo("cannot create shadow database on " + SERVER.host() + ":" + SERVER.port()
                                + " as es_nocreatedb: permission denied to create database "
                                + "(the user needs the CREATEDB right, or choose another server with --shadow-url)");
                    });
        } finally {
            query(SERVER, "DROP ROLE IF EXISTS es_nocreatedb");
        }
    }
}
