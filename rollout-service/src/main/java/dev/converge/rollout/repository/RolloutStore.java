package dev.converge.rollout.repository;

import dev.converge.common.Topics;
import dev.converge.common.service.OutboxEntity;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.json.Json;
import dev.converge.rollout.service.Decision;
import dev.converge.rollout.service.Rollout;
import dev.converge.rollout.service.RolloutCodec;
import dev.converge.rollout.service.RolloutStatus;
import dev.converge.rollout.service.Transition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;

/**
 * Loads and saves rollouts. Every save writes, in the same transaction, the rollout document, one event-log row
 * and one outbox row per transition, and one audit row per decision: nothing is published that was not
 * committed, and nothing committed is lost.
 */
@ApplicationScoped
public class RolloutStore {
    /** Serializes event-writing transactions so that event-log ids are assigned in commit order (SSE resumes by id). */
    private static final String EVENT_LOG_LOCK = "select count(*) from (select pg_advisory_xact_lock(7405, 1)) l";

    public Uni<Rollout> lock(String id) {
        return RolloutRecord.<RolloutRecord>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(r -> r == null ? null : RolloutCodec.decode(r.document));
    }

    public Uni<Rollout> lockBySubmission(String submissionId) {
        return RolloutRecord.<RolloutRecord>find("submissionId", submissionId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().map(r -> r == null ? null : RolloutCodec.decode(r.document));
    }

    public Uni<Rollout> find(String id) {
        return RolloutRecord.<RolloutRecord>findById(id).map(r -> r == null ? null : RolloutCodec.decode(r.document));
    }

    public Uni<Boolean> existsForSubmission(String submissionId) {
        return RolloutRecord.count("submissionId", submissionId).map(n -> n > 0);
    }

    public Uni<List<Rollout>> listByProject(String project, int limit) {
        return RolloutRecord.<RolloutRecord>find("project = ?1 order by createdAt desc", project).page(0, limit).list()
                .map(rows -> rows.stream().map(r -> RolloutCodec.decode(r.document)).toList());
    }

    /** Ids of rollouts the scheduler has to look at. */
    public Uni<List<String>> active() {
        return RolloutRecord.<RolloutRecord>find("status in ?1 order by createdAt",
                        List.of(RolloutStatus.WAITING_FOR_PLANS.name(), RolloutStatus.IN_PROGRESS.name()))
                .list().map(rows -> rows.stream().map(r -> r.id).toList());
    }

    /** Rollouts that may still have a task running (a canceled rollout lets running tasks finish). */
    public Uni<List<String>> withRunningTasks() {
        return RolloutRecord.<RolloutRecord>find("status in ?1 and document like ?2",
                        List.of(RolloutStatus.CANCELED.name(), RolloutStatus.IN_PROGRESS.name()), "%\"status\":\"RUNNING\"%")
                .list().map(rows -> rows.stream().map(r -> r.id).toList());
    }

    public Uni<List<AuditRecord>> audit(String rolloutId) {
        return AuditRecord.<AuditRecord>find("rolloutId = ?1 order by id", rolloutId).list();
    }

    public Uni<Void> create(Rollout rollout) {
        RolloutRecord r = new RolloutRecord();
        r.id = rollout.id();
        r.project = rollout.project();
        r.submissionId = rollout.submissionId();
        r.createdAt = rollout.createdAt();
        fill(r, rollout);
        return r.persist().chain(() -> writeEvents(rollout));
    }

    /** Saves a rollout loaded in this transaction (with {@link #lock}). */
    public Uni<Void> save(Rollout rollout) {
        return RolloutRecord.<RolloutRecord>findById(rollout.id()).chain(r -> {
            fill(r, rollout);
            return writeEvents(rollout);
        });
    }

    private static void fill(RolloutRecord r, Rollout rollout) {
        r.status = rollout.status().name();
        r.updatedAt = rollout.updatedAt();
        r.document = RolloutCodec.encode(rollout);
    }

    private Uni<Void> writeEvents(Rollout rollout) {
        List<Transition> transitions = rollout.drainTransitions();
        List<Decision> decisions = rollout.drainDecisions();
        if (transitions.isEmpty() && decisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<?> chain = Panache.getSession().chain(s -> s.createNativeQuery(EVENT_LOG_LOCK).getSingleResult());
        for (Transition t : transitions) {
            StatusChanged event = toEvent(rollout, t);
            chain = chain.chain(() -> logRecord(rollout, event).persist()).chain(() -> outboxRecord(event).persist());
        }
        for (Decision d : decisions) {
            chain = chain.chain(() -> auditRecord(rollout, d).persist());
        }
        return chain.chain(() -> Panache.getSession().chain(s -> s.flush())).replaceWithVoid();
    }

    public static StatusChanged toEvent(Rollout rollout, Transition t) {
        return new StatusChanged(EventIds.of("rollout-status", rollout.id(), String.valueOf(t.seq())),
                rollout.updatedAt() == null ? Instant.now() : rollout.updatedAt(), rollout.submissionId(),
                rollout.project(), t.subjectType(), t.subjectId(), t.target(), t.status(), t.message(), t.attributes());
    }

    private static EventLogRecord logRecord(Rollout rollout, StatusChanged event) {
        EventLogRecord r = new EventLogRecord();
        r.eventId = event.eventId();
        r.project = rollout.project();
        r.submissionId = rollout.submissionId();
        r.rolloutId = rollout.id();
        r.payload = Json.encode(event);
        r.createdAt = Instant.now();
        return r;
    }

    private static OutboxEntity outboxRecord(StatusChanged event) {
        return OutboxEntity.of(Topics.STATUS, event);
    }

    private static AuditRecord auditRecord(Rollout rollout, Decision d) {
        AuditRecord r = new AuditRecord();
        r.rolloutId = rollout.id();
        r.action = d.action();
        r.stage = d.stage();
        r.taskId = d.taskId();
        r.principal = d.principal();
        r.comment = d.comment();
        r.at = d.at();
        return r;
    }
}
