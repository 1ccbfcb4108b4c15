package dev.converge.common.service;

import dev.converge.common.events.Event;
import dev.converge.common.json.Json;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An event written in the same transaction as the state change it announces; a relay publishes it later. */
@Entity
@Table(name = "outbox")
public class OutboxEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    public String topic;
    @Column(name = "record_key")
    public String recordKey;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;

    /** A new row for {@code event} on {@code topic}, keyed like the event (e.g. by target, for per-target order). */
    public static OutboxEntity of(String topic, Event event) {
        OutboxEntity row = new OutboxEntity();
        row.eventId = event.eventId();
        row.topic = topic;
        row.recordKey = event.key();
        row.payload = Json.encode(event);
        row.createdAt = Instant.now();
        return row;
    }

    /** The oldest unpublished events, in the order they were written. */
    public static Uni<List<OutboxEntity>> unpublished(int limit) {
        return find("publishedAt is null order by id").page(0, limit).list();
    }

    public static Uni<Integer> markPublished(Long id, Instant at) {
        return update("publishedAt = ?1 where id = ?2", at, id);
    }

    public static Uni<Integer> markPublished(List<Long> ids, Instant at) {
        return update("publishedAt = ?1 where id in ?2", at, ids);
    }
}
