package dev.converge.review.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.service.Inbox;
import dev.converge.review.service.OnVertxContext;
import dev.converge.review.service.ReviewService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#PLANS} (channel {@link Channels#PLANS_IN}, consumer group {@code converge-review}).
 * Each computed plan is reviewed outside any transaction (rules, target pre-checks and the AI call take time);
 * then the inbox row and the review's outbox rows commit together, so a redelivered plan is reviewed at most once
 * into the outbox (a redelivery may re-run the review; the AI answer then comes from the cache).
 */
@ApplicationScoped
public class PlanConsumer {
    private final Inbox inbox;
    private final ReviewService reviews;
    private final OutboxRelay relay;
    private final Vertx vertx;

    public PlanConsumer(Inbox inbox, ReviewService reviews, OutboxRelay relay, Vertx vertx) {
        this.inbox = inbox;
        this.reviews = reviews;
        this.relay = relay;
        this.vertx = vertx;
    }

    @Incoming(Channels.PLANS_IN)
    public Uni<Void> consume(String payload) {
        return reviews.review(payload)
                .chain(output -> OnVertxContext.call(vertx,
                        () -> inbox.consume(Topics.PLANS, payload, PlanEvent.class, event -> reviews.persist(output))))
                // committed: publish now rather than at the next sweep
                .invoke(relay::kick);
    }
}
