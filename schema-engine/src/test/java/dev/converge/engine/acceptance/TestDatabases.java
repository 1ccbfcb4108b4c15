package dev.converge.engine.acceptance;

import dev.converge.engine.DbConn;
import dev.converge.engine.EngineVertx;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Statement;
import io.vertx.pgclient.PgConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Creates, loads and drops the test databases (all named with the {@code ec_} prefix) on the local server. */
public final class TestDatabases {
    public static final DbConn SERVER = DbConn.parse(System.getProperty("converge.test.pg",
            System.getenv().getOrDefault("CONVERGE_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")));

    private TestDatabases() {
    }

    public static DbConn recreate(String name) {
        if (!name.startsWith("ec_")) {
            throw new IllegalArgumentException("test databases of engine-core start with ec_: " + name);
        }
        drop(name);
        admin("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
        return SERVER.withDatabase(name);
    }

    public static void drop(String name) {
        PgConnection conn = EngineVertx.await(PgConnection.connect(EngineVertx.get(), SERVER.toConnectOptions()), 30);
        try {
            boolean exists = EngineVertx.await(conn.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1")
                    .execute(io.vertx.sqlclient.Tuple.of(name)), 30).size() > 0;
            if (exists) {
                EngineVertx.await(conn.query("DROP DATABASE " + quote(name) + " WITH (FORCE)").execute(), 300);
            }
        } finally {
            EngineVertx.await(conn.close(), 30);
        }
    }

    /** Creates roles a test needs (prefix {@code pv_}); one left over by a killed run is reused. */
    public static void createRoles(List<String> roles) {
        for (String role : roles) {
            requireTestRole(role);
            admin("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + quote(role) + " NOLOGIN; END IF; END$$");
        }
    }

    /** Drops test roles; the databases that granted them anything must be dropped first. */
    public static void dropRoles(List<String> roles) {
        for (String role : roles) {
            requireTestRole(role);
            admin("DROP ROLE IF EXISTS " + quote(role));
        }
    }

    private static void requireTestRole(String role) {
        if (!role.matches("pv_[a-z0-9_]+")) {
            throw new IllegalArgumentException("test roles are named pv_<lowercase>: " + role);
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void admin(String sql) {
        execute(SERVER, sql);
    }

    public static void execute(DbConn db, String sql) {
        PgConnection conn = EngineVertx.await(PgConnection.connect(EngineVertx.get(), db.toConnectOptions()), 30);
        try {
            EngineVertx.await(conn.query(sql).execute(), 300);
        } finally {
            EngineVertx.await(conn.close(), 30);
        }
    }

    public static boolean queryBoolean(DbConn db, String sql) {
        PgConnection conn = EngineVertx.await(PgConnection.connect(EngineVertx.get(), db.toConnectOptions()), 30);
        try {
            return EngineVertx.await(conn.query(sql).execute(), 60).iterator().next().getBoolean(0);
        } finally {
            EngineVertx.await(conn.close(), 30);
        }
    }

    /** Loads a SQL file with psql (ON_ERROR_STOP) so that files may use any psql-compatible syntax. */
    public static void load(DbConn db, Path file) {
        run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", db.host(), "-p", String.valueOf(db.port()),
                "-U", db.user(), "-d", db.database(), "-f", file.toString()));
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Applies a plan the way a rollout does: statement by statement on one session, with the statement's
     * timeouts; transactional statements each in their own implicit transaction, CONCURRENTLY ones bare.
     */
    public static void apply(DbConn db, Plan plan) {
        PgConnection conn = EngineVertx.await(PgConnection.connect(EngineVertx.get(), db.toConnectOptions()), 30);
        try {
            for (Statement s : plan.statements()) {
                EngineVertx.await(conn.query("SET lock_timeout = " + s.lockTimeout().toMillis()
                        + "; SET statement_timeout = " + s.statementTimeout().toMillis()).execute(), 30);
                try {
                    EngineVertx.await(conn.query(s.sql()).execute(), 300);
                } catch (RuntimeException e) {
                    throw new AssertionError("plan statement failed: " + e.getMessage() + "\n" + s.sql()
                            + "\n--- whole plan:\n" + plan.toSql(), e);
                }
            }
        } finally {
            EngineVertx.await(conn.close(), 30);
        }
    }
}
