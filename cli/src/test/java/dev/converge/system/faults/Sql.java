package dev.converge.system.faults;

import dev.converge.devstack.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Plain JDBC on the system database and the target databases: what the fault tests inspect and break. */
final class Sql {
    private final PostgresServer pg;

    Sql(PostgresServer pg) {
        this.pg = pg;
    }

    void execute(String db, String sql) {
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** First column of every row; {@code args} bind to {@code ?} as strings. */
    List<String> query(String db, String sql, String... args) {
        try (Connection c = pg.connect(db); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setString(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The target's {@code converge_history} rows of one rollout as "attempt outcome"; empty if there is no table. */
    List<String> history(String db, String rolloutId) {
        if (query(db, "SELECT to_regclass('converge.converge_history')::text").get(0) == null) {
            return List.of();
        }
        return query(db, "SELECT attempt || ' ' || outcome FROM converge.converge_history WHERE rollout_id = ?", rolloutId);
    }

    boolean hasTable(String db, String table) {
        return query(db, "SELECT to_regclass(?)::text", "public." + table).get(0) != null;
    }

    boolean hasColumn(String db, String table, String column) {
        return !query(db, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = ? AND column_name = ?", table, column).isEmpty();
    }

    /**
     * A long transaction that read {@code public.employee}: it holds ACCESS SHARE on the table, which every
     * {@code ALTER TABLE employee} waits for. Close the connection to end it (the transaction rolls back).
     */
    Connection holdEmployeeLock(String db) {
        try {
            Connection c = pg.connect(db);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT count(*) FROM public.employee").close();
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": cannot take the lock: " + e.getMessage(), e);
        }
    }

    static void release(Connection lock) {
        try {
            lock.rollback();
            lock.close();
        } catch (SQLException e) {
            // the session is gone already, and with it the lock
        }
    }

    /** Events of one submission the service's outbox holds for a topic (each event once: event_id is unique). */
    int outboxCount(String systemDb, String schema, String topic, String submissionId) {
        return Integer.parseInt(query(systemDb, "SELECT count(*) FROM " + schema + ".outbox WHERE topic = ? "
                + "AND payload::jsonb ->> 'submissionId' = ?", topic, submissionId).get(0));
    }

    /** Shadow databases that exist right now (diff-service's planning creates one per target and run). */
    Set<String> shadowDatabases() {
        return new LinkedHashSet<>(query("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'converge\\_shadow\\_%'"));
    }

    /**
     * Drops a shadow database and its role left behind by a killed diff-service. Without FORCE: a database someone
     * is still connected to (another run's live shadow) is left alone.
     */
    void dropAbandonedShadow(String name) {
        try {
            execute("postgres", "DROP DATABASE IF EXISTS " + name);
            execute("postgres", "DROP ROLE IF EXISTS " + name);
        } catch (IllegalStateException e) {
            // in use or already gone: not ours to force
        }
    }

    /** Makes a database refuse new sessions and ends the existing ones: the target is unreachable from now on. */
    void cutOff(String db) {
        execute("postgres", "ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
        query("postgres", "SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = ?", db);
    }

    void reconnect(String db) {
        execute("postgres", "ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
    }
}
