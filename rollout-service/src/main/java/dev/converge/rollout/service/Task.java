package dev.converge.rollout.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.Verdict;

import java.time.Instant;

/** One target database of a stage: its plan, review verdict and execution status. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Task {
    private String id;
    private String target;
    private String environment;
    private TaskStatus status = TaskStatus.PENDING;
    private String message;
    private PlanComputed plan;
    private String planFailure;
    private Verdict verdict;
    private String reviewedPlanHash;
    private int attempt;
    private Instant startedAt;
    private Instant finishedAt;

    @JsonCreator
    private Task() {
    }

    Task(String id, String target, String environment) {
        this.id = id;
        this.target = target;
        this.environment = environment;
    }

    public String id() {
        return id;
    }

    public String target() {
        return target;
    }

    public String environment() {
        return environment;
    }

    public TaskStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public PlanComputed plan() {
        return plan;
    }

    public String planFailure() {
        return planFailure;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Execution attempt, starting at 1 once the task first ran; a retry increments it. */
    public int attempt() {
        return attempt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    boolean hasPlanOutcome() {
        return plan != null || planFailure != null;
    }

    /** A review counts only if it is about the plan this task will run. */
    boolean reviewed() {
        return verdict != null && plan != null && plan.planHash() != null && plan.planHash().equals(reviewedPlanHash);
    }

    void plan(PlanComputed plan) {
        this.plan = plan;
        this.planFailure = null;
    }

    void planFailure(String reason) {
        this.planFailure = reason;
    }

    void review(String planHash, Verdict verdict) {
        this.reviewedPlanHash = planHash;
        this.verdict = verdict;
    }

    void status(TaskStatus status, String message, Instant now) {
        this.status = status;
        this.message = message;
        if (status == TaskStatus.RUNNING) {
            this.startedAt = now;
            this.finishedAt = null;
            this.attempt++;
        } else if (status.terminal()) {
            this.finishedAt = now;
        }
    }
}
