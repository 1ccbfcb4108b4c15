package dev.converge.rollout.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.service.Inbox;
import dev.converge.rollout.service.RolloutService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#REVIEWS} (channel {@link Channels#REVIEWS_IN}, consumer group {@code converge-rollout}).
 * Each event is handled once (inbox); the handling gates the task on the review verdict.
 */
@ApplicationScoped
public class ReviewConsumer {
    private final Inbox inbox;
    private final RolloutService rollouts;

    public ReviewConsumer(Inbox inbox, RolloutService rollouts) {
        this.inbox = inbox;
        this.rollouts = rollouts;
    }

    @Incoming(Channels.REVIEWS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.REVIEWS, payload, ReviewCompleted.class, rollouts::onReview);
    }
}
