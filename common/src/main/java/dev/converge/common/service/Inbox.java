package dev.converge.common.service;

import dev.converge.common.events.Event;
import dev.converge.common.json.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: an event is handled at most once per eventId. The handler's state changes and the inbox
 * row commit in one transaction, so a redelivery after a crash either finds the row (skip) or redoes both.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private final MeterRegistry meters;

    public Inbox(MeterRegistry meters) {
        this.meters = meters;
    }

    @WithTransaction
    public <E extends Event> Uni<Void> consume(String topic, String payload, Class<E> type, Function<E, Uni<Void>> handler) {
        E event;
        try {
            event = Json.decode(payload, type);
        } catch (Json.JsonCodecException e) {
            // A record nobody can read must not block the partition; say which and move on.
            LOG.warnf("skipping unreadable record on %s: %s", topic, e.getMessage());
            meters.counter("converge.events.unreadable", "topic", topic).increment();
            return Uni.createFrom().voidItem();
        }
        return ProcessedEvent.<ProcessedEvent>findById(event.eventId()).chain(seen -> {
            if (seen != null) {
                meters.counter("converge.events.duplicates", "topic", topic).increment();
                return Uni.createFrom().voidItem();
            }
            return handler.apply(event).chain(() -> record(topic, event))
                    .invoke(() -> meters.counter("converge.events.processed", "topic", topic).increment());
        });
    }

    private Uni<Void> record(String topic, Event event) {
        ProcessedEvent row = new ProcessedEvent();
        row.eventId = event.eventId();
        row.topic = topic;
        row.eventType = event.getClass().getSimpleName();
        row.processedAt = Instant.now();
        return row.persist().replaceWithVoid();
    }
}
