package dev.converge.rollout.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.service.Inbox;
import dev.converge.rollout.service.RolloutService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#SUBMISSIONS} (channel {@link Channels#SUBMISSIONS_IN}, consumer group {@code converge-rollout}).
 * Each event is handled once (inbox); the handling opens a rollout for ROLLOUT submissions.
 */
@ApplicationScoped
public class SubmissionConsumer {
    private final Inbox inbox;
    private final RolloutService rollouts;

    public SubmissionConsumer(Inbox inbox, RolloutService rollouts) {
        this.inbox = inbox;
        this.rollouts = rollouts;
    }

    @Incoming(Channels.SUBMISSIONS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.SUBMISSIONS, payload, SubmissionAccepted.class, rollouts::onSubmission);
    }
}
