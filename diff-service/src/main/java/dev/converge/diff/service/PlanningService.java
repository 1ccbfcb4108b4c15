package dev.converge.diff.service;

import dev.converge.common.Topics;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.events.SubjectType;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.service.OutboxEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a submission into one plan event per target plus a status event each, written to the outbox in the
 * caller's (the inbox's) transaction; the relay publishes them. Planning runs on the planner pool and the
 * result comes back on the caller's Vert.x context, where the reactive session lives.
 */
@ApplicationScoped
public class PlanningService {
    private static final Logger LOG = Logger.getLogger(PlanningService.class);

    @Inject
    SubmissionPlanner planner;

    public Uni<Void> handle(SubmissionAccepted submission) {
        Context context = Vertx.currentContext();
        long started = System.nanoTime();
        return Uni.createFrom().completionStage(() -> planner.planAll(submission))
                .emitOn(task -> {
                    if (context != null) {
                        context.runOnContext(v -> task.run());
                    } else {
                        task.run();
                    }
                })
                .invoke(events -> LOG.infof("planned submission %s: %d target(s) in %d ms", submission.submissionId(),
                        events.size(), (System.nanoTime() - started) / 1_000_000))
                .chain(this::record);
    }

    private Uni<Void> record(List<PlanEvent> plans) {
        List<OutboxEntity> rows = new ArrayList<>();
        for (PlanEvent plan : plans) {
            rows.add(OutboxEntity.of(Topics.PLANS, plan));
            rows.add(OutboxEntity.of(Topics.STATUS, status(plan)));
        }
        return OutboxEntity.persist(rows);
    }

    static StatusChanged status(PlanEvent plan) {
        String status;
        String message;
        Map<String, String> attributes;
        if (plan instanceof PlanComputed c) {
            status = "PLANNED";
            message = c.isEmpty() ? "no changes" : c.statements().size() + " statement" + (c.statements().size() == 1 ? "" : "s");
            attributes = Map.of("planEventId", c.eventId(), "statements", String.valueOf(c.statements().size()));
        } else {
            PlanFailed f = (PlanFailed) plan;
            status = "PLAN_FAILED";
            message = f.reason();
            attributes = Map.of("planEventId", f.eventId(), "code", f.code());
        }
        return new StatusChanged(EventIds.of(plan.eventId(), "status", status), plan.occurredAt(), plan.submissionId(),
                plan.project(), SubjectType.PLAN, plan.target(), plan.target(), status, message, attributes);
    }
}
