package dev.converge.common.auth;

import dev.converge.common.Hashing;
import dev.converge.common.config.ConfigException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configured service accounts, read from flat properties:
 *
 * <pre>
 * converge.auth.accounts.ci.token-sha256=&lt;64 hex digits: sha256 of the token&gt;
 * converge.auth.accounts.ci.roles=submitter,viewer
 * </pre>
 *
 * Generate a hash with {@code printf %s "$TOKEN" | sha256sum}.
 */
public final class ServiceAccounts {
    public static final String PREFIX = "converge.auth.accounts.";
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.SUBMITTER, Roles.VIEWER, Roles.APPROVER, Roles.ADMIN);

    private final Map<String, ServiceAccount> byName;

    public ServiceAccounts(Map<String, ServiceAccount> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** Parses and validates; throws {@link ConfigException} naming the property on the first problem. */
    public static ServiceAccounts fromProperties(Map<String, String> properties) {
        Map<String, Map<String, String>> grouped = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                String rest = k.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot <= 0) {
                    throw new ConfigException(k + ": expected " + PREFIX + "<name>.token-sha256 or .roles");
                }
                grouped.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>()).put(rest.substring(dot + 1), v.trim());
            }
        });
        Map<String, ServiceAccount> accounts = new LinkedHashMap<>();
        Set<String> hashes = new HashSet<>();
        grouped.forEach((name, p) -> {
            String where = PREFIX + name;
            for (String key : p.keySet()) {
                if (!key.equals("token-sha256") && !key.equals("roles")) {
                    throw new ConfigException(where + "." + key + ": unknown property (known: roles, token-sha256)");
                }
            }
            String hash = p.getOrDefault("token-sha256", "").toLowerCase();
            if (!HEX_256.matcher(hash).matches()) {
                throw new ConfigException(where + ".token-sha256: must be the 64-hex-digit SHA-256 of the token");
            }
            if (!hashes.add(hash)) {
                throw new ConfigException(where + ".token-sha256: another account has the same token");
            }
            Set<String> roles = Arrays.stream(p.getOrDefault("roles", "").split(","))
                    .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
            for (String role : roles) {
                if (!KNOWN_ROLES.contains(role)) {
                    throw new ConfigException(where + ".roles: unknown role '" + role + "' (known: " + new TreeMap<>(
                            KNOWN_ROLES.stream().collect(Collectors.toMap(r -> r, r -> ""))).keySet() + ")");
                }
            }
            accounts.put(name, new ServiceAccount(name, hash, roles));
        });
        return new ServiceAccounts(accounts);
    }

    /**
     * The account whose token this is, if any. Every account's hash is compared in constant time so that the
     * response time does not reveal how much of a hash matched.
     */
    public Optional<ServiceAccount> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = Hashing.sha256Hex(token).getBytes(StandardCharsets.US_ASCII);
        ServiceAccount found = null;
        for (ServiceAccount account : byName.values()) {
            if (MessageDigest.isEqual(presented, account.tokenSha256().getBytes(StandardCharsets.US_ASCII))) {
                found = account;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Authenticates an HTTP {@code Authorization} header value of the form {@code Bearer <token>}.
     * Empty if the header is missing, malformed or the token is unknown.
     */
    public Optional<ServiceAccount> authenticateHeader(String authorization) {
        return bearerToken(authorization).flatMap(this::authenticate);
    }

    /** The token of a {@code Bearer} header value (scheme case-insensitive), if the header has that form. */
    public static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    public Optional<ServiceAccount> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public int size() {
        return byName.size();
    }
}
