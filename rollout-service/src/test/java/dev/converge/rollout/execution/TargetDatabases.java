package dev.converge.rollout.execution;

import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates throwaway target databases named {@code ro_<purpose>_<random>} and drops them on close. */
public final class TargetDatabases implements AutoCloseable {
    private final PostgresServer server = PostgresFinder.find();
    private final List<String> created = new ArrayList<>();

    public TargetDb create(String purpose, String... sql) {
        String name = "ro_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        server.createDatabase(name);
        created.add(name);
        run(name, sql);
        return new TargetDb("local/" + name, server.host(), server.port(), name, server.user(), server.password());
    }

    public void run(String database, String... sql) {
        try (Connection c = server.connect(database); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public PostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        for (String name : created) {
            server.dropDatabase(name);
        }
    }
}
