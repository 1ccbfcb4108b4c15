package dev.converge.rollout.api.ui;

import dev.converge.common.auth.ServiceAccount;
import dev.converge.common.auth.ServiceAccounts;
import dev.converge.common.config.ConvergeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard's read-only view of the configuration: service accounts (to say who is signed in) and projects
 * with their environments (to list projects and tell whether the caller may approve a stage). Accounts are read
 * once from the same {@code converge.auth.accounts.*} properties as the rest of the service.
 */
@ApplicationScoped
public class UiDirectory {
    @Inject
    ConvergeConfig config;

    private volatile ServiceAccounts accounts;

    public ServiceAccount authenticate(String authorizationHeader) {
        return accounts().authenticateHeader(authorizationHeader).orElseThrow(() -> new NotAuthorizedException(
                Response.status(Response.Status.UNAUTHORIZED)
                        .header("WWW-Authenticate", "Bearer")
                        .entity(Map.of("code", "UNAUTHENTICATED", "message", "missing or unknown bearer token"))
                        .type("application/json").build()));
    }

    public ConvergeConfig config() {
        return config;
    }

    private ServiceAccounts accounts() {
        if (accounts == null) {
            accounts = ServiceAccounts.fromProperties(accountProperties());
        }
        return accounts;
    }

    private static Map<String, String> accountProperties() {
        Config mp = ConfigProvider.getConfig();
        Map<String, String> out = new HashMap<>();
        for (String name : mp.getPropertyNames()) {
            if (name.startsWith(ServiceAccounts.PREFIX)) {
                mp.getOptionalValue(name, String.class).ifPresent(v -> out.put(name, v));
            }
        }
        return out;
    }
}
