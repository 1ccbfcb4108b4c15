package dev.converge.engine.shadow;

import dev.converge.engine.source.CheckedStatement;
import dev.converge.engine.source.CheckedStatement.Disposition;
import dev.converge.engine.source.ExtensionRequest;
import dev.converge.engine.source.StateFileException;
import dev.converge.engine.source.StateFileValidator;
import dev.converge.engine.source.Violation;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the shadow runs each {@code CREATE EXTENSION} ({@link Disposition#BY_EXTENSION_POLICY}), decided from the
 * server's {@code pg_available_extension_versions} before any statement runs:
 * <ul>
 *   <li>every extension the statement installs (itself, and with {@code CASCADE} what it requires) needs no
 *       superuser or is marked {@code trusted} by the server (PostgreSQL 13+) → it runs under the restricted role;
 *       PostgreSQL itself checks that again, and the extension is owned by that role;</li>
 *   <li>one of them is untrusted → refused, unless the project allows each untrusted one by name; then the statement
 *       runs with the administrative connection (its script runs with the administrator's rights);</li>
 *   <li>one of them is not available on the server, or is one the allowlist refuses whatever a project allows
 *       ({@link StateFileValidator#isRefusedExtension}) → refused.</li>
 * </ul>
 * A statement whose shape {@link ExtensionRequest} does not follow exactly runs under the restricted role, where
 * PostgreSQL refuses whatever is not safe for it.
 */
final class ExtensionPolicy {

    /** The version columns as JSON, so that {@code trusted} reads as null on servers before PostgreSQL 13. */
    private static final String AVAILABLE = "SELECT v.name, v.version, v.superuser, "
            + "COALESCE((pg_catalog.to_jsonb(v) ->> 'trusted')::boolean, false) AS trusted, "
            + "COALESCE(v.requires::text[], '{}') AS requires, e.default_version "
            + "FROM pg_catalog.pg_available_extension_versions v JOIN pg_catalog.pg_available_extensions e ON e.name = v.name";

    private record Version(boolean superuser, boolean trusted, List<String> requires) {
        boolean needsSuperuser() {
            return superuser && !trusted;
        }
    }

    private record Available(String defaultVersion, Map<String, Version> versions) {
    }

    private final Set<String> allowed;
    private final String server;

    /**
     * @param allowed untrusted extensions the project allows to run with the administrator's rights (any case)
     * @param server  the shadow's server in words, for the refusal of an extension it does not have
     */
    ExtensionPolicy(Collection<String> allowed, String server) {
        this.allowed = new TreeSet<>();
        allowed.forEach(name -> this.allowed.add(name.strip().toLowerCase(Locale.ROOT)));
        this.server = server;
    }

    /**
     * The {@code CREATE EXTENSION} statements among {@code statements} that must run with the administrative
     * connection; every other one runs under the restricted role. Asks {@code conn} (any role may read the
     * catalog) only when there is such a statement.
     *
     * @throws StateFileException naming every refused statement
     */
    Set<CheckedStatement> elevated(List<CheckedStatement> statements, PgConnection conn) {
        Set<CheckedStatement> elevated = Collections.newSetFromMap(new IdentityHashMap<>());
        List<CheckedStatement> requests = statements.stream()
                .filter(c -> c.disposition() == Disposition.BY_EXTENSION_POLICY && c.extension() != null
                        && c.extension().name() != null)
                .toList();
        if (requests.isEmpty()) {
            return elevated;
        }
        Map<String, Available> available = available(conn);
        List<Violation> refused = new ArrayList<>();
        for (CheckedStatement checked : requests) {
            Violation violation = decide(checked, available, elevated);
            if (violation != null) {
                refused.add(violation);
            }
        }
        if (!refused.isEmpty()) {
            throw new StateFileException(refused);
        }
        return elevated;
    }

    private Violation decide(CheckedStatement checked, Map<String, Available> available, Set<CheckedStatement> elevated) {
        ExtensionRequest request = checked.extension();
        String name = request.name();
        Available extension = available.get(name);
        if (extension == null) {
            return refuse(checked, "EXTENSION_NOT_AVAILABLE", "CREATE EXTENSION " + name + ": extension \"" + name
                    + "\" is not available on " + server + ", the server of the shadow database (install it there, or "
                    + "plan with a shadow server that has it: --shadow-url, or the instance's shadow-instance)");
        }
        String version = request.version() != null ? request.version() : extension.defaultVersion();
        if (!extension.versions().containsKey(version)) {
            return null; // no such version: PostgreSQL says so, under the restricted role
        }
        Set<String> installs = installs(name, version, request.cascade(), available);
        for (String each : installs) {
            if (!available.containsKey(each)) {
                return refuse(checked, "EXTENSION_NOT_AVAILABLE", "CREATE EXTENSION " + name + " CASCADE would also install "
                        + each + ", which is not available on " + server + ", the server of the shadow database");
            }
            if (!each.equals(name) && StateFileValidator.isRefusedExtension(each)) {
                return refuse(checked, "EXTENSION_NOT_ALLOWED", "CREATE EXTENSION " + name + " CASCADE would also install "
                        + each + ", which is not allowed in a state file (it reaches files, programs or other servers)");
            }
        }
        List<String> untrusted = installs.stream().filter(each -> versionOf(each, name, version, available).needsSuperuser()).toList();
        if (untrusted.isEmpty()) {
            return null;
        }
        List<String> notAllowed = untrusted.stream().filter(each -> !allowed.contains(each.toLowerCase(Locale.ROOT))).toList();
        if (notAllowed.isEmpty()) {
            elevated.add(checked);
            return null;
        }
        List<String> cascaded = notAllowed.stream().filter(each -> !each.equals(name)).toList();
        return refuse(checked, "EXTENSION_NOT_TRUSTED", "CREATE EXTENSION " + name + " is refused: the server does not mark "
                + String.join(", ", notAllowed) + " as trusted" + (cascaded.isEmpty() ? "" : " (" + String.join(", ", cascaded)
                + " installed by CASCADE)") + ", so its script would run with superuser rights; if the project needs it, "
                + "allow it explicitly (converge plan " + String.join(" ", notAllowed.stream().map(n -> "--allow-extension " + n).toList())
                + "; diff-service: converge.projects.<project>.allowed-extensions=" + String.join(",", notAllowed) + ")");
    }

    /** The extension and, with CASCADE, every extension it requires (transitively; those at their default version). */
    private static Set<String> installs(String name, String version, boolean cascade, Map<String, Available> available) {
        Set<String> names = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String next = todo.removeFirst();
            if (!names.add(next) || !cascade) {
                continue;
            }
            if (available.containsKey(next)) {
                todo.addAll(versionOf(next, name, version, available).requires());
            }
        }
        return names;
    }

    /**
     * The version of available {@code each} that would be installed: the requested one for the statement's own
     * extension, else the default; a version the server lacks counts as untrusted.
     */
    private static Version versionOf(String each, String name, String version, Map<String, Available> available) {
        Available extension = available.get(each);
        Version v = extension.versions().get(each.equals(name) ? version : extension.defaultVersion());
        return v == null ? new Version(true, false, List.of()) : v;
    }

    private static Map<String, Available> available(PgConnection conn) {
        Map<String, Available> available = new HashMap<>();
        for (Row row : ShadowDatabase.await(conn.query(AVAILABLE).execute())) {
            Available extension = available.computeIfAbsent(row.getString("name"),
                    n -> new Available(row.getString("default_version"), new HashMap<>()));
            String[] requires = row.getArrayOfStrings("requires");
            extension.versions().put(row.getString("version"), new Version(Boolean.TRUE.equals(row.getBoolean("superuser")),
                    Boolean.TRUE.equals(row.getBoolean("trusted")), requires == null ? List.of() : List.of(requires)));
        }
        return available;
    }

    private static Violation refuse(CheckedStatement checked, String code, String message) {
        return new Violation(checked.statement().file(), checked.statement().line(), checked.statement().column(), code, message);
    }
}
