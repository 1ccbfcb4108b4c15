package dev.converge.common.events;

import java.time.Instant;

/**
 * Every record on a Converge topic. {@code eventId} is stable across redeliveries and retries of the
 * same fact, so consumers de-duplicate on it.
 */
public interface Event {
    String eventId();

    Instant occurredAt();

    /** The Kafka record key this event is published under. */
    String key();
}
