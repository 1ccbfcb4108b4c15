package dev.converge.rollout.messaging;

import dev.converge.common.Channels;
import dev.converge.common.Topics;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.json.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@link Topics#STATUS} (channel {@link Channels#STATUS_IN}) into the event log, so that
 * {@code GET /v1/events} also streams the other services' transitions (submissions, plans, reviews) and a
 * dashboard needs one stream only. Rollout-service's own events come back here too and are skipped by event id.
 */
@ApplicationScoped
public class StatusConsumer {
    private static final Logger LOG = Logger.getLogger(StatusConsumer.class);
    /** Same lock as the rollout store takes: event-log ids follow commit order. */
    private static final String EVENT_LOG_LOCK = "SELECT pg_advisory_xact_lock(7405, 1)";
    private static final String INSERT = "INSERT INTO rollout.event_log (event_id, project, submission_id, rollout_id,"
            + " payload, created_at) VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT (event_id) DO NOTHING";

    private final Pool pool;

    public StatusConsumer(Pool pool) {
        this.pool = pool;
    }

    @Incoming(Channels.STATUS_IN)
    public Uni<Void> consume(String payload) {
        StatusChanged event;
        try {
            event = Json.decode(payload, StatusChanged.class);
        } catch (Json.JsonCodecException e) {
            LOG.warnf("skipping unreadable record on %s: %s", Topics.STATUS, e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (event.eventId() == null) {
            return Uni.createFrom().voidItem();
        }
        String rolloutId = event.attributes().get("rolloutId");
        return pool.withTransaction(conn -> conn.query(EVENT_LOG_LOCK).execute()
                .chain(() -> conn.preparedQuery(INSERT).execute(Tuple.of(event.eventId(), event.project(),
                        event.submissionId(), rolloutId, payload)))).replaceWithVoid();
    }
}
