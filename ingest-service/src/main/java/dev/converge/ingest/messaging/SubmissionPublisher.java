package dev.converge.ingest.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.json.Json;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes accepted submissions on {@link Topics#SUBMISSIONS} (channel {@link Channels#SUBMISSIONS_OUT}), keyed by
 * submission id so that all records of one submission stay in order. The returned Uni completes when the broker
 * acknowledged the record.
 */
@ApplicationScoped
public class SubmissionPublisher {
    private final MutinyEmitter<Record<String, String>> emitter;

    public SubmissionPublisher(@Channel(Channels.SUBMISSIONS_OUT) MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(SubmissionAccepted event) {
        return publish(event.key(), Json.encode(event));
    }

    /** Publishes an already encoded event (the outbox relay's path). */
    public Uni<Void> publish(String key, String json) {
        return emitter.send(Record.of(key, json));
    }
}
