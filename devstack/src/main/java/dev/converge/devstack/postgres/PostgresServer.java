package dev.converge.devstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A reachable PostgreSQL server: where it is, how to log in, and how it was found. {@link #close()} stops it only
 * if devstack started it (embedded); an existing server is left alone.
 */
public class PostgresServer implements AutoCloseable {
    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** How the server was found. */
    public enum Origin {
        CONVERGE_PG_URL, LOCAL_5432, EMBEDDED
    }

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Origin origin;

    public PostgresServer(String host, int port, String user, String password, Origin origin) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.origin = origin;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** May be null (trust authentication). */
    public String password() {
        return password;
    }

    public Origin origin() {
        return origin;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form Quarkus' reactive datasource expects. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    public boolean databaseExists(String name) {
        try (Connection c = connect("postgres");
             var ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query databases on " + this + ": " + e.getMessage(), e);
        }
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        requireName(name);
        if (databaseExists(name)) {
            return;
        }
        execute("create database " + name);
    }

    /** Drops the database if it exists, disconnecting its sessions first. */
    public void dropDatabase(String name) {
        requireName(name);
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + this + ": " + e.getMessage(), e);
        }
    }

    private static void requireName(String name) {
        if (name == null || !DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name + "' must match " + DB_NAME.pattern());
        }
    }

    @Override
    public void close() {
        // An existing server is not ours to stop.
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + " (" + origin + ")";
    }
}
