package dev.converge.diff.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.service.AbstractOutboxRelay;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes diff-service's outbox: plans on {@link Topics#PLANS}, status on {@link Topics#STATUS}. */
@ApplicationScoped
public class OutboxRelay extends AbstractOutboxRelay {
    private final Map<String, TopicSender> senders;

    public OutboxRelay(@Channel(Channels.PLANS_OUT) MutinyEmitter<Record<String, String>> plans,
                       @Channel(Channels.STATUS_OUT) MutinyEmitter<Record<String, String>> status) {
        this.senders = Map.of(
                Topics.PLANS, (key, payload) -> plans.send(Record.of(key, payload)),
                Topics.STATUS, (key, payload) -> status.send(Record.of(key, payload)));
    }

    @Scheduled(every = "${converge.diff.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
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
        return "diff-service";
    }
}
