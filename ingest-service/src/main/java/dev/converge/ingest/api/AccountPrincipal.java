package dev.converge.ingest.api;

import dev.converge.common.auth.ServiceAccount;

import java.security.Principal;

/** The authenticated service account as a JAX-RS principal. */
record AccountPrincipal(ServiceAccount account) implements Principal {
    @Override
    public String getName() {
        return account.name();
    }
}
