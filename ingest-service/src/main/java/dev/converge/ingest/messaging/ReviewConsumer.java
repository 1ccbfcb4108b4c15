package dev.converge.ingest.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.service.Inbox;
import dev.converge.ingest.service.ReadModelService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#REVIEWS} (channel {@link Channels#REVIEWS_IN}, consumer group {@code converge-ingest}).
 * Updates the submission read model; the inbox makes redeliveries no-ops.
 */
@ApplicationScoped
public class ReviewConsumer {
    private final Inbox inbox;
    private final ReadModelService readModel;

    public ReviewConsumer(Inbox inbox, ReadModelService readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming(Channels.REVIEWS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.REVIEWS, payload, ReviewCompleted.class, readModel::apply);
    }
}
