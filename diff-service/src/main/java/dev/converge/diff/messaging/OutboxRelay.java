package dev.converge.diff.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.diff.repository.OutboxEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows (plans on {@link Topics#PLANS}, status on {@link Topics#STATUS}) in the order they were
 * written, marking each once the broker acknowledged it. A crash between the two re-sends the row; consumers
 * de-duplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    private final MutinyEmitter<Record<String, String>> plans;
    private final MutinyEmitter<Record<String, String>> status;

    public OutboxRelay(@Channel(Channels.PLANS_OUT) MutinyEmitter<Record<String, String>> plans,
                       @Channel(Channels.STATUS_OUT) MutinyEmitter<Record<String, String>> status) {
        this.plans = plans;
        this.status = status;
    }

    /**
     * Runs a relay pass now (after a commit that wrote outbox rows), without waiting for the next sweep. The
     * caller does not wait: the event goes out as soon as the broker takes it.
     */
    public void kick() {
        relay().subscribe().with(done -> { }, failure -> { });
    }

    /** The sweep that publishes whatever a kick missed, e.g. rows left by a crash between commit and send. */
    @Scheduled(every = "${converge.diff.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return relay();
    }

    Uni<Void> relay() {
        if (!running.compareAndSet(false, true)) {
            // A pass is under way; make it look again when it ends so nothing written meanwhile waits a sweep.
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        again.set(false);
        return pass().eventually(() -> {
            running.set(false);
            if (again.getAndSet(false)) {
                kick();
            }
        });
    }

    private Uni<Void> pass() {
        return Panache.withSession(() -> OutboxEntity.unpublished(BATCH))
                .chain(this::publishInOrder)
                .onFailure().invoke(e -> LOG.warnf("outbox relay: %s (will retry)", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> publishInOrder(List<OutboxEntity> rows) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(this::publish)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> publish(OutboxEntity row) {
        MutinyEmitter<Record<String, String>> emitter = switch (row.topic) {
            case Topics.PLANS -> plans;
            case Topics.STATUS -> status;
            default -> null;
        };
        if (emitter == null) {
            return Uni.createFrom().failure(new IllegalStateException("outbox row " + row.id + " is for topic '"
                    + row.topic + "', which diff-service does not publish"));
        }
        return emitter.send(Record.of(row.recordKey, row.payload))
                .chain(() -> Panache.withTransaction(() -> OutboxEntity.markPublished(row.id, Instant.now())))
                .replaceWithVoid();
    }
}
