package dev.converge.ingest.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.ingest.service.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#REVIEWS} (channel {@link Channels#REVIEWS_IN}, consumer group {@code converge-ingest}).
 * For now it only records the event as processed; the real handling updates the read model with findings and verdict (issue 5).
 */
@ApplicationScoped
public class ReviewConsumer {
    private final Inbox inbox;

    public ReviewConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Channels.REVIEWS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.REVIEWS, payload, ReviewCompleted.class, event -> Uni.createFrom().voidItem());
    }
}
