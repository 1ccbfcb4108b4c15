package dev.converge.common.config;

/**
 * A PostgreSQL server Converge manages databases on.
 *
 * @param host           host name
 * @param port           port
 * @param username       role used to introspect and migrate
 * @param password       password, may be null for trust/peer auth; never serialised into events or logs
 * @param shadowInstance name of another instance to create shadow databases on, or null to use this one
 */
public record Instance(String name, String host, int port, String username, String password, String shadowInstance) {

    /** A connection URI for one of this instance's databases, without the password. */
    public String uri(String database) {
        return "postgresql://" + username + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        // Never print the password.
        return "Instance[" + name + " " + username + "@" + host + ":" + port + "]";
    }
}
