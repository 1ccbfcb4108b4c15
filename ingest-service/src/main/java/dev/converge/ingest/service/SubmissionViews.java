package dev.converge.ingest.service;

import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.json.Json;
import dev.converge.ingest.repository.SubmissionEntity;
import dev.converge.ingest.repository.TargetStateEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Turns stored rows into the API's view, deriving the per-target and overall status. */
@ApplicationScoped
public class SubmissionViews {

    public SubmissionView of(SubmissionEntity s, List<TargetStateEntity> rows) {
        List<SubmissionView.TargetView> targets = rows.stream().map(this::target).toList();
        String status = SubmissionView.COMPLETED;
        if (targets.stream().anyMatch(t -> t.status().equals(TargetStateEntity.PLANNING))) {
            status = SubmissionView.PLANNING;
        } else if (targets.stream().anyMatch(t -> t.status().equals("REVIEW_PENDING"))) {
            status = SubmissionView.REVIEWING;
        }
        return new SubmissionView(s.id, "/v1/submissions/" + s.id, s.project, s.mode, status, s.submittedBy, s.createdAt,
                s.vcsJson == null ? VcsMetadata.NONE : Json.decode(s.vcsJson, VcsMetadata.class), s.fileCount, s.totalBytes,
                s.lastStatus, s.lastMessage, targets);
    }

    private SubmissionView.TargetView target(TargetStateEntity t) {
        SubmissionView.PlanView plan = null;
        List<SubmissionView.TargetError> errors = List.of();
        SubmissionView.ReviewView review = SubmissionView.ReviewView.PENDING;
        String status = t.planStatus;
        if (TargetStateEntity.PLANNED.equals(t.planStatus) && t.planJson != null) {
            PlanComputed p = Json.decode(t.planJson, PlanComputed.class);
            plan = new SubmissionView.PlanView(p.eventId(), p.baseHash(), p.desiredHash(), p.planHash(), p.isEmpty(),
                    p.statements(), p.summary());
            status = "REVIEW_PENDING";
        }
        if (TargetStateEntity.PLAN_FAILED.equals(t.planStatus) && t.failureJson != null) {
            PlanFailed f = Json.decode(t.failureJson, PlanFailed.class);
            SourceLocation at = f.location();
            errors = List.of(new SubmissionView.TargetError(f.code(), f.reason(), at == null ? null : at.file(),
                    at == null || at.line() <= 0 ? null : at.line(), at == null || at.column() <= 0 ? null : at.column()));
            review = null;
        }
        if (t.reviewJson != null && plan != null) {
            ReviewCompleted r = Json.decode(t.reviewJson, ReviewCompleted.class);
            review = new SubmissionView.ReviewView("COMPLETED", r.verdict(), r.findings(), r.notices());
            status = "REVIEWED";
        }
        return new SubmissionView.TargetView(t.target, t.environment, status, plan, review, errors, t.lastStatus, t.lastMessage);
    }
}
