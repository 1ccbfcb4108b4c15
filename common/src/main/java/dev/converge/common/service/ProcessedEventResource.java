package dev.converge.common.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** Read-only view of the inbox: whether this service has processed an event (used by system tests and operators). */
@Path("/v1/processed-events")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessedEventResource {
    public record ProcessedEventView(String eventId, String topic, String eventType, Instant processedAt) {
    }

    @GET
    @Path("{eventId}")
    @WithSession
    public Uni<ProcessedEventView> get(@PathParam("eventId") String eventId) {
        return ProcessedEvent.<ProcessedEvent>findById(eventId).map(e -> {
            if (e == null) {
                throw new NotFoundException("event " + eventId + " has not been processed by this service");
            }
            return new ProcessedEventView(e.eventId, e.topic, e.eventType, e.processedAt);
        });
    }
}
