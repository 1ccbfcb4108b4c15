package dev.converge.rollout.execution;

import dev.converge.common.Channels;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.json.Json;
import dev.converge.common.service.OutboxEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them published once the broker acknowledged
 * them. A crash between the two publishes a row again: consumers de-duplicate on the event id.
 */
@ApplicationScoped
public class OutboxPublisher {
    private static final int BATCH = 200;

    private final MutinyEmitter<String> status;
    private final Webhooks webhooks;

    public OutboxPublisher(@Channel(Channels.STATUS_OUT) MutinyEmitter<String> status, Webhooks webhooks) {
        this.status = status;
        this.webhooks = webhooks;
    }

    /** Blocking; called from the scheduler thread. */
    public void publishPending() throws Throwable {
        while (true) {
            List<OutboxEntity> batch = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                    OutboxEntity.unpublished(BATCH)));
            if (batch.isEmpty()) {
                return;
            }
            for (OutboxEntity r : batch) {
                Message<String> message = Message.of(r.payload, Metadata.of(
                        OutgoingKafkaRecordMetadata.<String>builder().withTopic(r.topic).withKey(r.recordKey).build()));
                status.sendMessage(message).await().atMost(Duration.ofSeconds(60));
                webhooks.deliver(projectOf(r.payload), r.eventId, r.payload);
            }
            List<Long> ids = batch.stream().map(r -> r.id).toList();
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    OutboxEntity.markPublished(ids, Instant.now())).replaceWithVoid());
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    private static String projectOf(String payload) {
        try {
            return Json.decode(payload, StatusChanged.class).project();
        } catch (Json.JsonCodecException e) {
            return null;
        }
    }
}
