package dev.converge.rollout.service;

import java.util.Set;

/** The authenticated principal acting on a rollout, with its roles. */
public record Actor(String name, Set<String> roles) {
    public static final String ADMIN = "admin";

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains(ADMIN);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String r : wanted) {
            if (hasRole(r)) {
                return true;
            }
        }
        return false;
    }
}
