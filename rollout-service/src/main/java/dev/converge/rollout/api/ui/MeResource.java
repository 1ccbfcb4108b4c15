package dev.converge.rollout.api.ui;

import dev.converge.common.auth.ServiceAccount;
import dev.converge.common.config.Environment;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code GET /v1/me}: who the bearer token belongs to and which environments it may approve, so that the dashboard
 * shows Approve / Reject only to those who can use them. The approve endpoint still checks on its own; this only
 * avoids showing buttons that would answer 403.
 */
@Path("/v1/me")
public class MeResource {

    /** The signed-in principal as the dashboard needs it. */
    public record Me(String principal, List<String> roles, List<String> approverFor) {
    }

    @Inject
    UiDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ServiceAccount account = directory.authenticate(authorization);
        List<String> approverFor = directory.config().environments().stream()
                .filter(e -> e.policy().needsApproval() && account.hasRole(e.policy().approverRole()))
                .map(Environment::name)
                .toList();
        return new Me(account.name(), account.roles().stream().sorted().toList(), approverFor);
    }
}
