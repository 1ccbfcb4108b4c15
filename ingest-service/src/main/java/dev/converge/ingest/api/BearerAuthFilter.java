package dev.converge.ingest.api;

import dev.converge.common.auth.Roles;
import dev.converge.common.auth.ServiceAccount;
import dev.converge.common.auth.ServiceAccounts;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates every {@code /v1} call with a service-account bearer token. Reading needs {@code viewer}, anything
 * else {@code submitter}. Health, metrics and OpenAPI under {@code /q} stay open for probes; the inbox probe
 * ({@code GET /v1/processed-events/{eventId}}) is a {@code /v1} read like any other.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {
    @Inject
    ServiceAccounts accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.equals("/v1")) {
            return;
        }
        Optional<ServiceAccount> account = accounts.authenticateHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (account.isEmpty()) {
            request.abortWith(error(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED",
                    "send 'Authorization: Bearer <token>' with the token of a configured service account")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"converge\"").build());
            return;
        }
        String method = request.getMethod();
        String role = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? Roles.VIEWER : Roles.SUBMITTER;
        if (!account.get().hasRole(role)) {
            request.abortWith(error(Response.Status.FORBIDDEN, "FORBIDDEN", "service account '" + account.get().name()
                    + "' lacks role '" + role + "' needed for " + method + " " + path).build());
            return;
        }
        AccountPrincipal principal = new AccountPrincipal(account.get());
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String r) {
                return principal.account().hasRole(r);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    private static Response.ResponseBuilder error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, message, List.of()));
    }
}
