package dev.converge.ingest.service;

import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.json.Json;
import dev.converge.ingest.repository.SubmissionEntity;
import dev.converge.ingest.repository.TargetStateEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Keeps the per-target view up to date from plan, review and status events. Runs inside the caller's transaction
 * (the inbox's, which also de-duplicates by event id). Events for unknown submissions are ignored.
 */
@ApplicationScoped
public class ReadModelService {
    private static final Logger LOG = Logger.getLogger(ReadModelService.class);

    public Uni<Void> apply(PlanEvent event) {
        return TargetStateEntity.forUpdate(event.submissionId(), event.target()).invoke(t -> {
            if (t == null) {
                LOG.debugf("plan %s for unknown submission %s/%s ignored", event.eventId(), event.submissionId(), event.target());
                return;
            }
            if (event.eventId().equals(t.planEventId)) {
                return;
            }
            t.planEventId = event.eventId();
            if (event instanceof PlanComputed computed) {
                t.planStatus = TargetStateEntity.PLANNED;
                t.planJson = Json.encode(computed);
                t.failureJson = null;
            } else if (event instanceof PlanFailed failed) {
                t.planStatus = TargetStateEntity.PLAN_FAILED;
                t.failureJson = Json.encode(failed);
                t.planJson = null;
            }
            // A new plan invalidates a review of an older one; a review that arrived before its plan (they travel
            // on different topics) is kept.
            if (t.reviewJson != null && !event.eventId().equals(Json.decode(t.reviewJson, ReviewCompleted.class).planEventId())) {
                t.reviewJson = null;
                t.reviewEventId = null;
            }
            t.updatedAt = Instant.now();
        }).replaceWithVoid();
    }

    public Uni<Void> apply(ReviewCompleted event) {
        return TargetStateEntity.forUpdate(event.submissionId(), event.target()).invoke(t -> {
            if (t == null || event.eventId().equals(t.reviewEventId)) {
                return;
            }
            if (event.planEventId() != null && t.planEventId != null && !event.planEventId().equals(t.planEventId)) {
                LOG.debugf("review %s is for plan %s, not the current plan %s; ignored", event.eventId(),
                        event.planEventId(), t.planEventId);
                return;
            }
            t.reviewEventId = event.eventId();
            t.reviewJson = Json.encode(event);
            t.updatedAt = Instant.now();
        }).replaceWithVoid();
    }

    public Uni<Void> apply(StatusChanged event) {
        if (event.submissionId() == null) {
            return Uni.createFrom().voidItem();
        }
        if (event.target() != null) {
            return TargetStateEntity.forUpdate(event.submissionId(), event.target()).invoke(t -> {
                if (t != null) {
                    t.lastStatus = event.subjectType() + " " + event.status();
                    t.lastMessage = event.message();
                    t.updatedAt = Instant.now();
                }
            }).replaceWithVoid();
        }
        return SubmissionEntity.<SubmissionEntity>findById(event.submissionId()).invoke(s -> {
            if (s != null) {
                s.lastStatus = event.subjectType() + " " + event.status();
                s.lastMessage = event.message();
            }
        }).replaceWithVoid();
    }
}
