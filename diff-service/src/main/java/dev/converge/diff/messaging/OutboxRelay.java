package dev.converge.diff.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.service.AbstractOutboxRelay;
import dev.converge.common.service.OutboxEntity;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes diff-service's outbox: plans on {@link Topics#PLANS}, status on {@link Topics#STATUS}. */
@ApplicationScoped
public class OutboxRelay extends AbstractOutboxRelay {
    private final MutinyEmitter<Record<String, String>> plans;
    private final MutinyEmitter<Record<String, String>> status;

    public OutboxRelay(@Channel(Channels.PLANS_OUT) MutinyEmitter<Record<String, String>> plans,
                       @Channel(Channels.STATUS_OUT) MutinyEmitter<Record<String, String>> status) {
        this.plans = plans;
        this.status = status;
    }

    @Scheduled(every = "${converge.diff.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return relay();
    }

    @Override
    protected Uni<Void> send(OutboxEntity row) {
        MutinyEmitter<Record<String, String>> emitter = Topics.PLANS.equals(row.topic) ? plans
                : Topics.STATUS.equals(row.topic) ? status : null;
        return emitter == null ? notPublished(row, "diff-service") : emitter.send(Record.of(row.recordKey, row.payload));
    }
}
