package dev.converge.ingest.messaging;

import dev.converge.common.Topics;
import dev.converge.common.service.AbstractOutboxRelay;
import dev.converge.common.service.OutboxEntity;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes ingest-service's outbox: accepted submissions on {@link Topics#SUBMISSIONS}. */
@ApplicationScoped
public class OutboxRelay extends AbstractOutboxRelay {
    private final SubmissionPublisher publisher;

    public OutboxRelay(SubmissionPublisher publisher) {
        this.publisher = publisher;
    }

    @Scheduled(every = "${converge.ingest.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return relay();
    }

    @Override
    protected Uni<Void> send(OutboxEntity row) {
        return Topics.SUBMISSIONS.equals(row.topic) ? publisher.publish(row.recordKey, row.payload).replaceWithVoid()
                : notPublished(row, "ingest-service");
    }
}
