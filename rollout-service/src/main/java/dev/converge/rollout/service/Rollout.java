package dev.converge.rollout.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.Environment;
import dev.converge.common.config.Project;
import dev.converge.common.config.TargetRef;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.SubjectType;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.events.VcsMetadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A staged deployment of one ROLLOUT submission: one stage per environment of the project (in configured
 * order), one task per target. Framework-free state machine: every method validates, changes state, and
 * records {@link Transition}s and {@link Decision}s that the caller persists and publishes atomically with the
 * new state (see {@link #drainTransitions()} and {@link #drainDecisions()}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Rollout {
    /** Principal recorded for decisions taken by the policy rather than a person. */
    public static final String SYSTEM = "converge";

    private String id;
    private String project;
    private String submissionId;
    private String submittedBy;
    private VcsMetadata vcs;
    private Instant createdAt;
    private Instant updatedAt;
    private RolloutStatus status;
    private String message;
    private List<Stage> stages = new ArrayList<>();
    /** Number of transitions recorded so far; gives each status event a deterministic id. */
    private long transitionSeq;

    @JsonIgnore
    private transient List<Transition> transitions = new ArrayList<>();
    @JsonIgnore
    private transient List<Decision> decisions = new ArrayList<>();

    @JsonCreator
    private Rollout() {
    }

    /** The rollout id of a submission: deterministic, so a redelivered submission maps to the same rollout. */
    public static String idFor(String submissionId) {
        return EventIds.rolloutOf(submissionId);
    }

    /**
     * Creates the rollout of a ROLLOUT submission. Environments without any of the submission's targets get no
     * stage; targets keep the order the project lists them in.
     */
    public static Rollout create(SubmissionAccepted submission, ConvergeConfig config, Function<String, BlockOn> blockOn,
                                 Instant now) {
        if (submission.mode() != Mode.ROLLOUT) {
            throw new IllegalArgumentException("submission " + submission.submissionId() + " is a " + submission.mode()
                    + ", not a ROLLOUT");
        }
        Project project = config.project(submission.project());
        if (project == null) {
            throw new RolloutException(RolloutException.Kind.INVALID, "submission " + submission.submissionId()
                    + " names unknown project '" + submission.project() + "'");
        }
        Rollout r = new Rollout();
        r.id = idFor(submission.submissionId());
        r.project = submission.project();
        r.submissionId = submission.submissionId();
        r.submittedBy = submission.submittedBy();
        r.vcs = submission.vcs();
        r.createdAt = now;
        r.updatedAt = now;
        r.status = RolloutStatus.WAITING_FOR_PLANS;
        List<String> wanted = submission.targets();
        for (Environment env : config.environments()) {
            List<TargetRef> targets = project.targets().getOrDefault(env.name(), List.of()).stream()
                    .filter(t -> wanted.isEmpty() || wanted.contains(t.toString()))
                    .toList();
            if (targets.isEmpty()) {
                continue;
            }
            Stage stage = new Stage(env.name(), StagePolicy.of(env.policy(), blockOn.apply(env.name())));
            for (int i = 0; i < targets.size(); i++) {
                stage.add(new Task(env.name() + "-" + (i + 1), targets.get(i).toString(), env.name()));
            }
            r.stages.add(stage);
        }
        if (r.stages.isEmpty()) {
            throw new RolloutException(RolloutException.Kind.INVALID, "submission " + submission.submissionId()
                    + ": none of its targets " + wanted + " belongs to an environment of project '" + r.project + "'");
        }
        r.record(SubjectType.ROLLOUT, r.id, null, r.status.name(), "rollout created for submission "
                + r.submissionId + " with stages " + r.stages.stream().map(Stage::name).toList(), Map.of());
        r.decide("CREATE", null, null, r.submittedBy == null ? SYSTEM : r.submittedBy, null, now);
        return r;
    }

    // ---------------------------------------------------------------- inputs from the other services

    /** Attaches a computed plan to its target's task; returns false when it changes nothing (redelivery). */
    public boolean attach(PlanComputed plan) {
        Task task = taskForTarget(plan.target());
        if (task == null || task.status() != TaskStatus.PENDING) {
            return false;
        }
        if (task.plan() != null && task.plan().eventId().equals(plan.eventId())) {
            return false;
        }
        task.plan(plan);
        return true;
    }

    public boolean attach(PlanFailed failure) {
        Task task = taskForTarget(failure.target());
        if (task == null || task.status() != TaskStatus.PENDING || task.plan() != null) {
            return false;
        }
        String reason = failure.code() + ": " + failure.reason()
                + (failure.location() == null ? "" : " (" + failure.location() + ")");
        if (reason.equals(task.planFailure())) {
            return false;
        }
        task.planFailure(reason);
        return true;
    }

    public boolean attach(ReviewCompleted review) {
        Task task = taskForTarget(review.target());
        if (task == null || task.status() != TaskStatus.PENDING) {
            return false;
        }
        if (review.verdict() == task.verdict() && task.reviewed()
                && Objects.equals(task.plan().planHash(), review.planHash())) {
            return false;
        }
        task.review(review.planHash(), review.verdict());
        return true;
    }

    // ---------------------------------------------------------------- the state machine

    /**
     * Moves the rollout as far as its inputs allow: waits for plans and reviews, blocks on verdicts, starts
     * automatic stages, stops at approval gates, closes finished stages and the rollout.
     */
    public void advance(Instant now) {
        if (status.terminal()) {
            return;
        }
        if (status == RolloutStatus.WAITING_FOR_PLANS && !leaveWaitingForPlans(now)) {
            return;
        }
        for (Stage stage : stages) {
            switch (stage.status()) {
                case SUCCEEDED:
                    continue;
                case PENDING:
                case AWAITING_APPROVAL:
                    if (stage.policy().needsApproval() && !stage.approved()) {
                        if (stage.status() != StageStatus.AWAITING_APPROVAL) {
                            setStage(stage, StageStatus.AWAITING_APPROVAL, "waiting for approval by role '"
                                    + stage.policy().approverRole() + "'", now);
                        }
                        setStatus(RolloutStatus.AWAITING_APPROVAL, "stage " + stage.name() + " awaits approval", now);
                        return;
                    }
                    startStage(stage, now);
                    // fall through: a stage of only empty plans finishes at once
                case IN_PROGRESS:
                    if (!closeStageIfFinished(stage, now)) {
                        setStatus(RolloutStatus.IN_PROGRESS, "stage " + stage.name() + " in progress", now);
                        return;
                    }
                    if (stage.status() != StageStatus.SUCCEEDED) {
                        setStatus(RolloutStatus.FAILED, "stage " + stage.name() + " failed: " + stage.message(), now);
                        cancelLaterStages(stage, "an earlier stage failed", now);
                        return;
                    }
                    continue;
                default:
                    return;
            }
        }
        setStatus(RolloutStatus.SUCCEEDED, "all stages succeeded", now);
    }

    private boolean leaveWaitingForPlans(Instant now) {
        for (Task t : allTasks()) {
            if (!t.hasPlanOutcome()) {
                return false;
            }
        }
        List<Task> planFailed = allTasks().stream().filter(t -> t.plan() == null).toList();
        if (!planFailed.isEmpty()) {
            for (Task t : planFailed) {
                setTask(t, TaskStatus.FAILED, "planning failed: " + t.planFailure(), now);
            }
            for (Stage s : stages) {
                boolean failed = s.tasks().stream().anyMatch(t -> t.status() == TaskStatus.FAILED);
                if (failed) {
                    cancelPendingTasks(s, "planning failed for another target", now);
                }
                setStage(s, failed ? StageStatus.FAILED : StageStatus.CANCELED,
                        failed ? "planning failed" : "not started: planning failed", now);
            }
            setStatus(RolloutStatus.FAILED, "planning failed for "
                    + planFailed.stream().map(Task::target).toList(), now);
            return false;
        }
        for (Stage s : stages) {
            for (Task t : s.tasks()) {
                if (!t.plan().isEmpty() && s.policy().blockOn().needsReview() && !t.reviewed()) {
                    return false;
                }
            }
        }
        List<String> blocked = new ArrayList<>();
        for (Stage s : stages) {
            List<String> here = s.tasks().stream()
                    .filter(t -> !t.plan().isEmpty() && s.policy().blockOn().blocks(t.verdict()))
                    .map(t -> t.target() + " (" + t.verdict() + ")").toList();
            if (!here.isEmpty()) {
                setStage(s, StageStatus.BLOCKED, "review verdict at or above block-on=" + s.policy().blockOn()
                        + ": " + String.join(", ", here), now);
                blocked.addAll(here);
            }
        }
        if (!blocked.isEmpty()) {
            setStatus(RolloutStatus.BLOCKED, "blocked by review: " + String.join(", ", blocked), now);
            return false;
        }
        setStatus(RolloutStatus.IN_PROGRESS, "all plans reviewed", now);
        return true;
    }

    private void startStage(Stage stage, Instant now) {
        String how = stage.policy().needsApproval() ? "approved by " + stage.approvedBy() : "automatic";
        setStage(stage, StageStatus.IN_PROGRESS, how, now);
        if (!stage.policy().needsApproval()) {
            decide("START", stage.name(), null, SYSTEM, "automatic policy", now);
        }
        for (Task t : stage.tasks()) {
            if (t.status() == TaskStatus.PENDING && t.plan().isEmpty()) {
                setTask(t, TaskStatus.SKIPPED, "plan is empty: the target already has the desired schema", now);
            }
        }
    }

    /** Returns true when every task of the stage ended; then the stage is SUCCEEDED or FAILED. */
    private boolean closeStageIfFinished(Stage stage, Instant now) {
        if (stage.tasks().stream().anyMatch(t -> !t.status().terminal())) {
            return false;
        }
        List<Task> bad = stage.tasks().stream().filter(t -> !t.status().done()).toList();
        if (bad.isEmpty()) {
            setStage(stage, StageStatus.SUCCEEDED, stage.tasks().size() + " task(s) done", now);
        } else {
            setStage(stage, StageStatus.FAILED, bad.stream().map(t -> t.target() + " " + t.status())
                    .collect(Collectors.joining(", ")), now);
        }
        return true;
    }

    private void cancelLaterStages(Stage failed, String why, Instant now) {
        boolean after = false;
        for (Stage s : stages) {
            if (after && !s.status().terminal()) {
                cancelPendingTasks(s, why, now);
                setStage(s, StageStatus.CANCELED, why, now);
            }
            after |= s == failed;
        }
    }

    private void cancelPendingTasks(Stage s, String why, Instant now) {
        for (Task t : s.tasks()) {
            if (t.status() == TaskStatus.PENDING) {
                setTask(t, TaskStatus.CANCELED, why, now);
            }
        }
    }

    /**
     * Marks up to {@code maxParallel - running} pending tasks of the current stage RUNNING and returns them; the
     * caller persists this before executing them, so that a restart knows which tasks may have started.
     */
    public List<Task> claimRunnable(int maxParallel, Instant now) {
        Stage stage = currentStage();
        if (status != RolloutStatus.IN_PROGRESS || stage == null || stage.status() != StageStatus.IN_PROGRESS) {
            return List.of();
        }
        long running = stage.tasks().stream().filter(t -> t.status() == TaskStatus.RUNNING).count();
        List<Task> claimed = new ArrayList<>();
        for (Task t : stage.tasks()) {
            if (running + claimed.size() >= maxParallel) {
                break;
            }
            if (t.status() == TaskStatus.PENDING) {
                setTask(t, TaskStatus.RUNNING, "applying " + t.plan().statements().size() + " statement(s)", now);
                claimed.add(t);
            }
        }
        return claimed;
    }

    /** Tasks marked RUNNING: after a restart they are re-checked against the target's history. */
    public List<Task> runningTasks() {
        return allTasks().stream().filter(t -> t.status() == TaskStatus.RUNNING).toList();
    }

    /** Records the end of a task's execution and advances the rollout. Ignored unless the task is RUNNING. */
    public boolean complete(String taskId, TaskOutcome outcome, Instant now) {
        Task task = task(taskId);
        if (task.status() != TaskStatus.RUNNING) {
            return false;
        }
        setTask(task, outcome.status(), outcome.message(), now, outcome.attributes());
        if (status == RolloutStatus.CANCELED) {
            Stage s = stageOf(task);
            if (s.tasks().stream().allMatch(t -> t.status().terminal()) && !s.status().terminal()) {
                setStage(s, StageStatus.CANCELED, "rollout canceled", now);
            }
        }
        advance(now);
        return true;
    }

    // ---------------------------------------------------------------- decisions by people

    public void approve(String stageName, Actor actor, String comment, Instant now) {
        Stage stage = stage(stageName);
        if (stage.status() != StageStatus.AWAITING_APPROVAL) {
            throw new RolloutException(RolloutException.Kind.CONFLICT, "stage " + stageName + " of rollout " + id
                    + " is " + stage.status() + ", not AWAITING_APPROVAL");
        }
        requireApprover(stage, actor, "approve");
        if (!stage.policy().submitterMayApprove() && actor.name().equals(submittedBy)) {
            throw new RolloutException(RolloutException.Kind.FORBIDDEN, actor.name() + " submitted rollout " + id
                    + " and may not approve its own " + stageName + " stage (converge.environments." + stageName
                    + ".submitter-may-approve=false); ask another approver");
        }
        stage.approve(actor.name(), comment, now);
        decide("APPROVE", stageName, null, actor.name(), comment, now);
        advance(now);
    }

    public void reject(String stageName, Actor actor, String comment, Instant now) {
        Stage stage = stage(stageName);
        if (stage.status() != StageStatus.AWAITING_APPROVAL) {
            throw new RolloutException(RolloutException.Kind.CONFLICT, "stage " + stageName + " of rollout " + id
                    + " is " + stage.status() + ", not AWAITING_APPROVAL");
        }
        requireApprover(stage, actor, "reject");
        decide("REJECT", stageName, null, actor.name(), comment, now);
        String why = "stage " + stageName + " rejected by " + actor.name() + (comment == null ? "" : ": " + comment);
        cancelPendingTasks(stage, why, now);
        setStage(stage, StageStatus.REJECTED, why, now);
        cancelLaterStages(stage, why, now);
        setStatus(RolloutStatus.CANCELED, why, now);
    }

    public void cancel(Actor actor, String comment, Instant now) {
        if (status.terminal()) {
            throw new RolloutException(RolloutException.Kind.CONFLICT, "rollout " + id + " is already " + status);
        }
        if (!actor.name().equals(submittedBy) && !actor.hasAnyRole("submitter", "approver")) {
            throw new RolloutException(RolloutException.Kind.FORBIDDEN, actor.name()
                    + " may not cancel rollout " + id + ": needs role 'submitter' or 'approver'");
        }
        decide("CANCEL", null, null, actor.name(), comment, now);
        String why = "canceled by " + actor.name() + (comment == null ? "" : ": " + comment);
        for (Stage s : stages) {
            if (s.status().terminal()) {
                continue;
            }
            cancelPendingTasks(s, why, now);
            // A stage with a running task ends when that task ends (it cannot be interrupted safely).
            if (s.tasks().stream().noneMatch(t -> t.status() == TaskStatus.RUNNING)) {
                setStage(s, StageStatus.CANCELED, why, now);
            }
        }
        setStatus(RolloutStatus.CANCELED, why, now);
    }

    public void retry(String taskId, Actor actor, String comment, Instant now) {
        Task task = task(taskId);
        Stage stage = stageOf(task);
        if (status != RolloutStatus.FAILED || stage.status() != StageStatus.FAILED
                || (task.status() != TaskStatus.FAILED && task.status() != TaskStatus.DRIFTED) || task.plan() == null) {
            throw new RolloutException(RolloutException.Kind.CONFLICT, "task " + taskId + " is " + task.status()
                    + " in a " + stage.status() + " stage of a " + status
                    + " rollout; only a FAILED or DRIFTED task of the failed stage can be retried");
        }
        if (stage.policy().needsApproval()) {
            requireApprover(stage, actor, "retry a task of");
        } else if (!actor.hasAnyRole("submitter", "approver")) {
            throw new RolloutException(RolloutException.Kind.FORBIDDEN, actor.name() + " may not retry task " + taskId
                    + ": needs role 'submitter' or 'approver'");
        }
        decide("RETRY", stage.name(), taskId, actor.name(), comment, now);
        setTask(task, TaskStatus.PENDING, "retry requested by " + actor.name(), now);
        setStage(stage, StageStatus.IN_PROGRESS, "retrying " + task.target(), now);
        for (Stage s : stages) {
            if (s.status() == StageStatus.CANCELED && stages.indexOf(s) > stages.indexOf(stage)) {
                setStage(s, StageStatus.PENDING, "waiting for stage " + stage.name(), now);
                for (Task t : s.tasks()) {
                    if (t.status() == TaskStatus.CANCELED) {
                        setTask(t, TaskStatus.PENDING, "waiting for stage " + stage.name(), now);
                    }
                }
            }
        }
        setStatus(RolloutStatus.IN_PROGRESS, "retrying " + task.target(), now);
        advance(now);
    }

    private void requireApprover(Stage stage, Actor actor, String verb) {
        String role = stage.policy().approverRole() == null ? "approver" : stage.policy().approverRole();
        if (!actor.hasRole(role)) {
            throw new RolloutException(RolloutException.Kind.FORBIDDEN, actor.name() + " may not " + verb + " stage "
                    + stage.name() + ": needs role '" + role + "'");
        }
    }

    // ---------------------------------------------------------------- recording

    private void setStatus(RolloutStatus next, String why, Instant now) {
        if (status == next) {
            return;
        }
        status = next;
        message = why;
        updatedAt = now;
        record(SubjectType.ROLLOUT, id, null, next.name(), why, Map.of());
    }

    private void setStage(Stage stage, StageStatus next, String why, Instant now) {
        if (stage.status() == next) {
            return;
        }
        stage.status(next, why, now);
        updatedAt = now;
        record(SubjectType.STAGE, stage.name(), null, next.name(), why, Map.of("stage", stage.name()));
    }

    private void setTask(Task task, TaskStatus next, String why, Instant now) {
        setTask(task, next, why, now, Map.of());
    }

    private void setTask(Task task, TaskStatus next, String why, Instant now, Map<String, String> extra) {
        task.status(next, why, now);
        updatedAt = now;
        Map<String, String> attrs = new LinkedHashMap<>(extra);
        attrs.put("stage", task.environment());
        attrs.put("taskId", task.id());
        attrs.put("attempt", String.valueOf(task.attempt()));
        if (next.terminal() && task.startedAt() != null && task.finishedAt() != null) {
            attrs.put("durationMs", String.valueOf(task.finishedAt().toEpochMilli() - task.startedAt().toEpochMilli()));
        }
        record(SubjectType.TASK, task.id(), task.target(), next.name(), why, attrs);
    }

    private void record(SubjectType type, String subjectId, String target, String st, String why, Map<String, String> attrs) {
        Map<String, String> all = new LinkedHashMap<>(attrs);
        all.put("rolloutId", id);
        transitions.add(new Transition(++transitionSeq, type, subjectId, target, st, why, all));
    }

    private void decide(String action, String stage, String taskId, String principal, String comment, Instant at) {
        decisions.add(new Decision(action, stage, taskId, principal, comment, at));
    }

    /** Transitions recorded since the last call, in order. */
    public List<Transition> drainTransitions() {
        List<Transition> out = List.copyOf(transitions);
        transitions.clear();
        return out;
    }

    public List<Decision> drainDecisions() {
        List<Decision> out = List.copyOf(decisions);
        decisions.clear();
        return out;
    }

    // ---------------------------------------------------------------- lookups

    /** The first stage that has not succeeded, or null when all did. */
    public Stage currentStage() {
        return stages.stream().filter(s -> s.status() != StageStatus.SUCCEEDED).findFirst().orElse(null);
    }

    public Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new RolloutException(RolloutException.Kind.NOT_FOUND, "rollout " + id + " has no stage '" + name
                        + "' (stages: " + stages.stream().map(Stage::name).toList() + ")"));
    }

    public Task task(String taskId) {
        return allTasks().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow(() ->
                new RolloutException(RolloutException.Kind.NOT_FOUND, "rollout " + id + " has no task '" + taskId + "'"));
    }

    public Stage stageOf(Task task) {
        return stages.stream().filter(s -> s.tasks().contains(task)).findFirst().orElseThrow();
    }

    private Task taskForTarget(String target) {
        return allTasks().stream().filter(t -> t.target().equals(target)).findFirst().orElse(null);
    }

    public List<Task> allTasks() {
        return stages.stream().flatMap(s -> s.tasks().stream()).toList();
    }

    public String id() {
        return id;
    }

    public String project() {
        return project;
    }

    public String submissionId() {
        return submissionId;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public VcsMetadata vcs() {
        return vcs;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public RolloutStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public List<Stage> stages() {
        return Collections.unmodifiableList(stages);
    }
}
