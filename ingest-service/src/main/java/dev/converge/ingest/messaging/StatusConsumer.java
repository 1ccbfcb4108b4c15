package dev.converge.ingest.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.service.Inbox;
import dev.converge.ingest.service.ReadModelService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#STATUS} (channel {@link Channels#STATUS_IN}, consumer group {@code converge-ingest}).
 * Updates the submission read model; the inbox makes redeliveries no-ops.
 */
@ApplicationScoped
public class StatusConsumer {
    private final Inbox inbox;
    private final ReadModelService readModel;

    public StatusConsumer(Inbox inbox, ReadModelService readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming(Channels.STATUS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.STATUS, payload, StatusChanged.class, readModel::apply);
    }
}
