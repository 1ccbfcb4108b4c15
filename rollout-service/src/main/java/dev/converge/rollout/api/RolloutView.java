package dev.converge.rollout.api;

import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.VcsMetadata;
import dev.converge.rollout.repository.AuditRecord;
import dev.converge.rollout.service.Rollout;
import dev.converge.rollout.service.Stage;
import dev.converge.rollout.service.Task;

import java.time.Instant;
import java.util.List;

/** The JSON of {@code GET /v1/rollouts/{id}}: the rollout, its stages and tasks, and its audit trail. */
public record RolloutView(String id, String project, String submissionId, String submittedBy, VcsMetadata vcs,
                          String status, String message, Instant createdAt, Instant updatedAt, List<StageView> stages,
                          List<AuditView> audit) {

    public record StageView(String name, String status, String message, boolean needsApproval, String approverRole,
                            boolean submitterMayApprove, String blockOn, String approvedBy, Instant approvedAt,
                            String approvalComment, Instant startedAt, Instant finishedAt, List<TaskView> tasks) {
    }

    public record TaskView(String id, String target, String status, String message, String verdict, int attempt,
                           Instant startedAt, Instant finishedAt, String baseHash, String desiredHash, String planHash,
                           List<PlannedStatement> statements) {
    }

    public record AuditView(String action, String stage, String taskId, String principal, String comment, Instant at) {
    }

    public static RolloutView of(Rollout r, List<AuditRecord> audit) {
        return new RolloutView(r.id(), r.project(), r.submissionId(), r.submittedBy(), r.vcs(), r.status().name(),
                r.message(), r.createdAt(), r.updatedAt(), r.stages().stream().map(RolloutView::stage).toList(),
                audit == null ? null : audit.stream().map(a -> new AuditView(a.action, a.stage, a.taskId, a.principal,
                        a.comment, a.at)).toList());
    }

    private static StageView stage(Stage s) {
        return new StageView(s.name(), s.status().name(), s.message(), s.policy().needsApproval(),
                s.policy().approverRole(), s.policy().submitterMayApprove(), s.policy().blockOn().name(),
                s.approvedBy(), s.approvedAt(), s.approvalComment(), s.startedAt(), s.finishedAt(),
                s.tasks().stream().map(RolloutView::task).toList());
    }

    private static TaskView task(Task t) {
        return new TaskView(t.id(), t.target(), t.status().name(), t.message(),
                t.verdict() == null ? null : t.verdict().name(), t.attempt(), t.startedAt(), t.finishedAt(),
                t.plan() == null ? null : t.plan().baseHash(), t.plan() == null ? null : t.plan().desiredHash(),
                t.plan() == null ? null : t.plan().planHash(), t.plan() == null ? List.of() : t.plan().statements());
    }
}
