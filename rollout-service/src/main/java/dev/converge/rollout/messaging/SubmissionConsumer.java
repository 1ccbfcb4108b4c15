package dev.converge.rollout.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.rollout.service.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@link Topics#SUBMISSIONS} (channel {@link Channels#SUBMISSIONS_IN}, consumer group {@code converge-rollout}).
 * For now it only records the event as processed; the real handling opens a rollout for ROLLOUT submissions (issue 7).
 */
@ApplicationScoped
public class SubmissionConsumer {
    private final Inbox inbox;

    public SubmissionConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Channels.SUBMISSIONS_IN)
    public Uni<Void> consume(String payload) {
        return inbox.consume(Topics.SUBMISSIONS, payload, SubmissionAccepted.class, event -> Uni.createFrom().voidItem());
    }
}
