package dev.converge.review.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.review.repository.OutboxEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows (reviews on {@link Topics#REVIEWS}, status on {@link Topics#STATUS}) in the order they were
 * written, marking each once the broker acknowledged it. A crash between the two re-sends the row; consumers
 * de-duplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    private final MutinyEmitter<Record<String, String>> reviews;
    private final MutinyEmitter<Record<String, String>> status;

    public OutboxRelay(@Channel(Channels.REVIEWS_OUT) MutinyEmitter<Record<String, String>> reviews,
                       @Channel(Channels.STATUS_OUT) MutinyEmitter<Record<String, String>> status) {
        this.reviews = reviews;
        this.status = status;
    }

    /** Runs a relay pass now (after a commit that wrote outbox rows); the caller does not wait. */
    public void kick() {
        relay().subscribe().with(done -> { }, failure -> { });
    }

    /** Publishes whatever a kick missed, e.g. rows left by a crash between commit and send. */
    @Scheduled(every = "${converge.review.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return relay();
    }

    Uni<Void> relay() {
        if (!running.compareAndSet(false, true)) {
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
        MutinyEmitter<Record<String, String>> emitter = Topics.REVIEWS.equals(row.topic) ? reviews
                : Topics.STATUS.equals(row.topic) ? status : null;
        if (emitter == null) {
            return Uni.createFrom().failure(new IllegalStateException("outbox row " + row.id + " is for topic '"
                    + row.topic + "', which review-service does not publish"));
        }
        return emitter.send(Record.of(row.recordKey, row.payload))
                .chain(() -> Panache.withTransaction(() -> OutboxEntity.markPublished(row.id, Instant.now())))
                .replaceWithVoid();
    }
}
