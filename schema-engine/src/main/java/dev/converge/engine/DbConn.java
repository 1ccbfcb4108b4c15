package dev.converge.engine;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a PostgreSQL database lives and how to log in. {@link #toString()} never shows the password, so a
 * {@code DbConn} may be logged or put into an error message.
 *
 * @param sslMode {@code disable|allow|prefer|require|verify-ca|verify-full}, or null for the client default
 */
public record DbConn(String host, int port, String database, String user, String password, String sslMode) {

    public DbConn {
        if (host == null || host.isBlank()) {
            host = "127.0.0.1";
        }
        if (port <= 0) {
            port = 5432;
        }
        if (database == null || database.isBlank()) {
            database = user == null ? "postgres" : user;
        }
    }

    public DbConn(String host, int port, String database, String user, String password) {
        this(host, port, database, user, password, null);
    }

    /**
     * Parses {@code postgresql://}, {@code postgres://} and {@code jdbc:postgresql://} URLs, e.g.
     * {@code postgresql://alice:secret@db:5433/app?sslmode=require} or
     * {@code jdbc:postgresql://db/app?user=alice&password=secret}.
     */
    public static DbConn parse(String url) {
        if (url == null || url.isBlank()) {
            throw new EngineException(EngineException.Code.TARGET_UNREACHABLE, "empty database URL");
        }
        String u = url.trim();
        if (u.startsWith("jdbc:")) {
            u = u.substring(5);
        }
        if (!(u.startsWith("postgresql://") || u.startsWith("postgres://"))) {
            throw new EngineException(EngineException.Code.TARGET_UNREACHABLE,
                    "not a PostgreSQL URL (expected postgresql://host/db): " + redact(url));
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new EngineException(EngineException.Code.TARGET_UNREACHABLE,
                    "malformed database URL " + redact(url) + ": " + e.getReason());
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String host = uri.getHost();
        int port = uri.getPort();
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? null : decode(path.substring(1));
        Map<String, String> params = queryParams(uri.getRawQuery());
        user = params.getOrDefault("user", user);
        password = params.getOrDefault("password", password);
        host = params.getOrDefault("host", host);
        if (params.containsKey("port")) {
            port = Integer.parseInt(params.get("port"));
        }
        database = params.getOrDefault("dbname", database);
        if (user == null) {
            user = System.getenv().getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        return new DbConn(host, port, database, user, password, params.get("sslmode"));
    }

    public DbConn withDatabase(String otherDatabase) {
        return new DbConn(host, port, otherDatabase, user, password, sslMode);
    }

    /** A URL that libpq tools accept, including the password (do not log it; use {@link #toString()}). */
    public String toUrlWithPassword() {
        StringBuilder sb = new StringBuilder("postgresql://");
        if (user != null) {
            sb.append(encode(user));
            if (password != null) {
                sb.append(':').append(encode(password));
            }
            sb.append('@');
        }
        sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(encode(database));
        if (sslMode != null) {
            sb.append("?sslmode=").append(sslMode);
        }
        return sb.toString();
    }

    public PgConnectOptions toConnectOptions() {
        PgConnectOptions o = new PgConnectOptions()
                .setHost(host)
                .setPort(port)
                .setDatabase(database)
                .setUser(user)
                .setConnectTimeout(10_000)
                .setPipeliningLimit(16)
                .setCachePreparedStatements(false);
        if (password != null) {
            o.setPassword(password);
        }
        if (sslMode != null) {
            o.setSslMode(SslMode.of(sslMode));
            if (!sslMode.startsWith("verify")) {
                o.setTrustAll(true);
            }
        }
        return o;
    }

    /** Password-free rendering, safe for logs and error messages. */
    @Override
    public String toString() {
        return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    private static String redact(String url) {
        return url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static Map<String, String> queryParams(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
