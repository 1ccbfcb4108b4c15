package dev.converge.devstack.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a {@code @QuarkusTest} its own system database: finds PostgreSQL ({@link PostgresFinder}), creates a
 * database named {@code <db-prefix><random>} and drops it again when the tests end. Init arg {@code db-prefix}
 * is each engineer's/test's own prefix (default {@code converge_test_}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private String prefix = "converge_test_";
    private PostgresServer server;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("db-prefix", prefix);
    }

    @Override
    public Map<String, String> start() {
        server = PostgresFinder.find();
        database = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.createDatabase(database);
        Map<String, String> props = new HashMap<>();
        props.put("converge.db.host", server.host());
        props.put("converge.db.port", String.valueOf(server.port()));
        props.put("converge.db.name", database);
        props.put("converge.db.username", server.user());
        props.put("quarkus.datasource.reactive.url", server.reactiveUrl(database));
        props.put("quarkus.datasource.jdbc.url", server.jdbcUrl(database));
        props.put("quarkus.datasource.username", server.user());
        if (server.password() != null) {
            props.put("converge.db.password", server.password());
            props.put("quarkus.datasource.password", server.password());
        }
        return props;
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.dropDatabase(database);
            } finally {
                server.close();
                server = null;
            }
        }
    }
}
