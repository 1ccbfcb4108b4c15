package dev.converge.rollout.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.PlanEvent;
import dev.converge.rollout.service.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#PLANS} (channel {@link Channels#PLANS_IN}, consumer group {@code converge-rollout}).
 * For now it only records the event as processed; the real handling attaches the plan to its rollout task (issue 7).
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
