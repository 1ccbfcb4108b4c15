package dev.converge.cli;

import dev.converge.engine.DbConn;
import dev.converge.engine.EngineVertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates uniquely named {@code es_cli_*} databases on the local server and drops them again. */
final class TestDatabases implements AutoCloseable {
    static final DbConn SERVER = DbConn.parse(System.getenv().getOrDefault("CONVERGE_PG_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres"));

    private final List<String> created = new ArrayList<>();

    /** A new database with {@code sql} applied (simple protocol, several statements allowed). */
    DbConn create(String sql) {
        String name = "es_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec(SERVER, "CREATE DATABASE " + name);
        created.add(name);
        DbConn db = SERVER.withDatabase(name);
        if (!sql.isBlank()) {
            exec(db, sql);
        }
        return db;
    }

    static String url(DbConn db) {
        return db.toUrlWithPassword();
    }

    static List<String> query(DbConn db, String sql) {
        PgConnection conn = EngineVertx.await(PgConnection.connect(EngineVertx.get(), db.toConnectOptions()), 30);
        try {
            List<String> out = new ArrayList<>();
            for (Row row : EngineVertx.await(conn.query(sql).execute(), 60)) {
                out.add(String.valueOf(row.getValue(0)));
            }
            return out;
        } finally {
            EngineVertx.await(conn.close(), 30);
        }
    }

    static void exec(DbConn db, String sql) {
        query(db, sql);
    }

    @Override
    public void close() {
        for (String name : created) {
            exec(SERVER, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
