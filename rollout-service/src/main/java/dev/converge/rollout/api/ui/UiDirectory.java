package dev.converge.rollout.api.ui;

import dev.converge.common.auth.ServiceAccount;
import dev.converge.common.auth.ServiceAccounts;
import dev.converge.common.config.ConvergeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard's read-only view of the configuration: service accounts (to say who is signed in) and projects
 * with their environments (to list projects and tell whether the caller may approve a stage). Read once from
 * the same {@code converge.*} properties the rest of the service uses.
 */
@ApplicationScoped
public class UiDirectory {
    private volatile ServiceAccounts accounts;
    private volatile ConvergeConfig config;

    public ServiceAccount authenticate(String authorizationHeader) {
        return accounts().authenticateHeader(authorizationHeader).orElseThrow(() -> new NotAuthorizedException(
                Response.status(Response.Status.UNAUTHORIZED)
                        .header("WWW-Authenticate", "Bearer")
                        .entity(Map.of("code", "UNAUTHENTICATED", "message", "missing or unknown bearer token"))
                        .type("application/json").build()));
    }

    public ConvergeConfig config() {
        if (config == null) {
            config = ConvergeConfig.fromProperties(convergeProperties());
        }
        return config;
    }

    private ServiceAccounts accounts() {
        if (accounts == null) {
            accounts = ServiceAccounts.fromProperties(convergeProperties());
        }
        return accounts;
    }

    private static Map<String, String> convergeProperties() {
        Config mp = ConfigProvider.getConfig();
        Map<String, String> out = new HashMap<>();
        for (String name : mp.getPropertyNames()) {
            if (name.startsWith(ConvergeConfig.PREFIX)) {
                mp.getOptionalValue(name, String.class).ifPresent(v -> out.put(name, v));
            }
        }
        return out;
    }
}
