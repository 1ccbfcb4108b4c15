package dev.converge.rollout.api;

import dev.converge.rollout.api.ui.UiDirectory;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the bearer token of every {@code /v1} call before anything else about the request (pre-matching: before
 * the content type or method is matched, before the body is read). The resources check it too, but only once
 * their parameters are read, so a caller without a token would otherwise learn what is wrong with its request
 * (400, 405, 415) before being told it is not authenticated (401), as ingest-service's filter already does.
 */
public class TokenFirstFilter {
    private final UiDirectory directory;

    public TokenFirstFilter(UiDirectory directory) {
        this.directory = directory;
    }

    @ServerRequestFilter(preMatching = true)
    public void requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/v1") || path.startsWith("/v1/")) {
            directory.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        }
    }
}
