package dev.converge.ingest.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.PlanEvent;
import dev.converge.ingest.service.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#PLANS} (channel {@link Channels#PLANS_IN}, consumer group {@code converge-ingest}).
 * For now it only records the event as processed; the real handling updates the submission read model with the plan of one target (issue 5).
 */
@ApplicationScoped
public class PlanConsumer {
    private final Inbox inbox;

    public PlanConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Channels.PLANS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.PLANS, payload, PlanEvent.class, event -> Uni.createFrom().voidItem());
    }
}
