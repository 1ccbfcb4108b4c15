package dev.converge.rollout.execution;

import io.vertx.pgclient.PgConnectOptions;

/**
 * A target database as the executor reaches it. {@link #toString()} never shows the password.
 *
 * @param name canonical target name ({@code instance/database})
 */
public record TargetDb(String name, String host, int port, String database, String user, String password) {

    public PgConnectOptions connectOptions() {
        PgConnectOptions o = new PgConnectOptions().setHost(host).setPort(port).setDatabase(database).setUser(user)
                .setConnectTimeout(10_000).setCachePreparedStatements(false);
        if (password != null) {
            o.setPassword(password);
        }
        return o;
    }

    @Override
    public String toString() {
        return name + " (" + user + "@" + host + ":" + port + "/" + database + ")";
    }
}
