package dev.converge.rollout.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.service.Inbox;
import dev.converge.rollout.service.RolloutService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#PLANS} (channel {@link Channels#PLANS_IN}, consumer group {@code converge-rollout}).
 * Each event is handled once (inbox); the handling attaches the plan to its rollout task.
 */
@ApplicationScoped
public class PlanConsumer {
    private final Inbox inbox;
    private final RolloutService rollouts;

    public PlanConsumer(Inbox inbox, RolloutService rollouts) {
        this.inbox = inbox;
        this.rollouts = rollouts;
    }

    @Incoming(Channels.PLANS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.PLANS, payload, PlanEvent.class, rollouts::onPlan);
    }
}
