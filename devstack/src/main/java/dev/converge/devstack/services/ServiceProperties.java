package dev.converge.devstack.services;

import dev.converge.common.Hashing;
import dev.converge.devstack.postgres.PostgresServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties a Converge service process starts with: the broker, the system database, target instances, service
 * accounts, and whatever the caller adds (topology, tuning). {@code bin/converge-dev} and every test that runs the
 * services as processes build them here, so that a renamed property or a new required one changes one place.
 */
public final class ServiceProperties {
    private final Map<String, String> properties = new LinkedHashMap<>();

    private ServiceProperties() {
    }

    /** The broker and system database {@code database} on {@code postgres}, reached as the server's user and password. */
    public static ServiceProperties of(String bootstrapServers, PostgresServer postgres, String database) {
        return of(bootstrapServers, postgres, database, postgres.password());
    }

    /** As {@link #of(String, PostgresServer, String)}, with {@code password} (null: none) for the system database. */
    public static ServiceProperties of(String bootstrapServers, PostgresServer postgres, String database, String password) {
        return new ServiceProperties()
                .set("kafka.bootstrap.servers", bootstrapServers)
                .set("converge.db.host", postgres.host())
                .set("converge.db.port", String.valueOf(postgres.port()))
                .set("converge.db.name", database)
                .set("converge.db.username", postgres.user())
                .setIfGiven("converge.db.password", password);
    }

    /** Target instance {@code name} on {@code postgres}, reached as the server's user and password. */
    public ServiceProperties instance(String name, PostgresServer postgres) {
        return instance(name, postgres.host(), postgres.port(), postgres.user(), postgres.password());
    }

    /** Target instance {@code name}; a null {@code user} or {@code password} is left to the services' default. */
    public ServiceProperties instance(String name, String host, int port, String user, String password) {
        String prefix = "converge.instances." + name + ".";
        return set(prefix + "host", host)
                .set(prefix + "port", String.valueOf(port))
                .setIfGiven(prefix + "username", user)
                .setIfGiven(prefix + "password", password);
    }

    /** Environment {@code test} (applied automatically), then {@code prod} (after test, by approval): the usual two stages. */
    public ServiceProperties testThenProdByApproval() {
        return set("converge.environments.test.policy", "automatic")
                .set("converge.environments.prod.after", "test")
                .set("converge.environments.prod.policy", "approval");
    }

    /** Service account {@code name} with its bearer token (configured as its SHA-256) and comma-separated roles. */
    public ServiceProperties account(String name, String token, String roles) {
        return set("converge.auth.accounts." + name + ".token-sha256", Hashing.sha256Hex(token))
                .set("converge.auth.accounts." + name + ".roles", roles);
    }

    public ServiceProperties set(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public ServiceProperties setAll(Map<String, String> more) {
        properties.putAll(more);
        return this;
    }

    private ServiceProperties setIfGiven(String key, String value) {
        return value == null ? this : set(key, value);
    }

    /** A copy: callers add per-service overrides to it. */
    public Map<String, String> toMap() {
        return new LinkedHashMap<>(properties);
    }
}
