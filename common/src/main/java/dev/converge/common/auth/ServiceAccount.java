package dev.converge.common.auth;

import java.util.Set;

/**
 * A principal that calls the API with a bearer token. Only the SHA-256 of the token is kept, so a leaked
 * configuration does not leak usable credentials.
 */
public record ServiceAccount(String name, String tokenSha256, Set<String> roles) {
    public ServiceAccount {
        roles = Set.copyOf(roles);
    }

    /** True if the account holds {@code role}; {@code admin} holds every role. */
    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains(Roles.ADMIN);
    }

    @Override
    public String toString() {
        // Never print the token hash: it is enough to recognise the token in logs elsewhere.
        return "ServiceAccount[" + name + " " + roles + "]";
    }
}
