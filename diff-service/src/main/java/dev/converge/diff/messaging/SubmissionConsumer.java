package dev.converge.diff.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.service.Inbox;
import dev.converge.diff.service.PlanningService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#SUBMISSIONS} (channel {@link Channels#SUBMISSIONS_IN}, consumer group {@code converge-diff}).
 * Plans every target of the submission; plan and status events go out through the outbox in the inbox's
 * transaction, so a redelivered submission is not planned twice.
 */
@ApplicationScoped
public class SubmissionConsumer {
    private final Inbox inbox;
    private final PlanningService planning;
    private final OutboxRelay relay;

    public SubmissionConsumer(Inbox inbox, PlanningService planning, OutboxRelay relay) {
        this.inbox = inbox;
        this.planning = planning;
        this.relay = relay;
    }

    @Incoming(Channels.SUBMISSIONS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.SUBMISSIONS, payload, SubmissionAccepted.class, planning::handle)
                // committed: publish the plans now rather than at the next sweep
                .invoke(relay::kick);
    }
}
