package dev.converge.ingest.messaging;

import dev.converge.common.Topics;
import dev.converge.common.service.AbstractOutboxRelay;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Publishes ingest-service's outbox: accepted submissions on {@link Topics#SUBMISSIONS}. */
@ApplicationScoped
public class OutboxRelay extends AbstractOutboxRelay {
    private final Map<String, TopicSender> senders;

    public OutboxRelay(SubmissionPublisher publisher) {
        this.senders = Map.of(Topics.SUBMISSIONS, publisher::publish);
    }

    @Scheduled(every = "${converge.ingest.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return relay();
    }

    @Override
    protected Map<String, TopicSender> senders() {
        return senders;
    }

    @Override
    protected String service() {
        return "ingest-service";
    }
}
