package dev.converge.common.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in the order they were written and marks each published once the broker acknowledged it.
 * A crash between send and mark re-sends the row later: consumers de-duplicate by event id, so at-least-once is
 * enough. One relay pass at a time; a failed send stops the pass and the next one (a kick or the sweep) retries.
 *
 * <p>A service subclasses it as an {@code @ApplicationScoped} bean that names, per topic it publishes, what sends a
 * row there (its Kafka emitter for that topic's channel), and schedules a sweep that calls {@link #relay()} and
 * publishes whatever a kick missed, e.g. rows left by a crash between commit and send. The sweep should skip while the application is not running
 * ({@code skipExecutionIf = Scheduled.ApplicationNotRunning.class}): before start-up completes the Kafka emitters
 * are not connected yet, and the scheduler would log an error for every early sweep.
 */
public abstract class AbstractOutboxRelay {
    private static final Logger LOG = Logger.getLogger(AbstractOutboxRelay.class);
    private static final int BATCH = 100;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** Sends a row's key and payload to one topic; completes when the broker acknowledged the record. */
    @FunctionalInterface
    public interface TopicSender {
        Uni<Void> send(String key, String payload);
    }

    // Abstract methods rather than constructor arguments: ArC can only make the subclass proxyable (it adds a
    // no-args constructor) when this class has a no-args constructor.

    /** Per topic the service publishes, what sends a row there. */
    protected abstract Map<String, TopicSender> senders();

    /** The service's name, for the failure of a row whose topic it does not publish. */
    protected abstract String service();

    /**
     * Runs a relay pass now (after a commit that wrote outbox rows), without waiting for the next sweep. The
     * caller does not wait: the event goes out as soon as the broker takes it.
     */
    public void kick() {
        relay().subscribe().with(done -> { }, failure -> { });
    }

    public Uni<Void> relay() {
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
        return send(row)
                .chain(() -> Panache.withTransaction(() -> OutboxEntity.markPublished(row.id, Instant.now())))
                .replaceWithVoid();
    }

    /** Fails for a row whose topic this service does not publish (a bug or a foreign row); it stays unpublished. */
    private Uni<Void> send(OutboxEntity row) {
        TopicSender sender = senders().get(row.topic);
        if (sender == null) {
            return Uni.createFrom().failure(new IllegalStateException("outbox row " + row.id + " is for topic '"
                    + row.topic + "', which " + service() + " does not publish"));
        }
        return sender.send(row.recordKey, row.payload);
    }
}
