package dev.converge.common.service;

import dev.converge.common.auth.ServiceAccounts;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;

/**
 * Read-only view of the inbox: whether this service has processed an event (used by system tests and operators).
 * Like every {@code /v1} call it needs the bearer token of a configured service account.
 */
@Path("/v1/processed-events")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessedEventResource {
    public record ProcessedEventView(String eventId, String topic, String eventType, Instant processedAt) {
    }

    @Inject
    ServiceAccounts accounts;

    @GET
    @Path("{eventId}")
    @WithSession
    public Uni<ProcessedEventView> get(@PathParam("eventId") String eventId,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (accounts.authenticateHeader(authorization).isEmpty()) {
            return Uni.createFrom().failure(new NotAuthorizedException(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"converge\"").type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("code", "UNAUTHENTICATED", "message",
                            "send 'Authorization: Bearer <token>' with the token of a configured service account"))
                    .build()));
        }
        return ProcessedEvent.<ProcessedEvent>findById(eventId).map(e -> {
            if (e == null) {
                throw new NotFoundException("event " + eventId + " has not been processed by this service");
            }
            return new ProcessedEventView(e.eventId, e.topic, e.eventType, e.processedAt);
        });
    }
}
