package dev.converge.ingest.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.service.Inbox;
import dev.converge.ingest.service.ReadModelService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#PLANS} (channel {@link Channels#PLANS_IN}, consumer group {@code converge-ingest}).
 * Updates the submission read model; the inbox makes redeliveries no-ops.
 */
@ApplicationScoped
public class PlanConsumer {
    private final Inbox inbox;
    private final ReadModelService readModel;

    public PlanConsumer(Inbox inbox, ReadModelService readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming(Channels.PLANS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.PLANS, payload, PlanEvent.class, readModel::apply);
    }
}
