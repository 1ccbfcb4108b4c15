package dev.converge.ingest.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.StatusChanged;
import dev.converge.ingest.service.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#STATUS} (channel {@link Channels#STATUS_IN}, consumer group {@code converge-ingest}).
 * For now it only records the event as processed; the real handling updates the read model with rollout progress (issue 5).
 */
@ApplicationScoped
public class StatusConsumer {
    private final Inbox inbox;

    public StatusConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Channels.STATUS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.STATUS, payload, StatusChanged.class, event -> Uni.createFrom().voidItem());
    }
}
