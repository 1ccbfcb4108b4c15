package dev.converge.rollout.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One environment of a rollout: its policy, approval and tasks. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Stage {
    private String name;
    private StagePolicy policy;
    private StageStatus status = StageStatus.PENDING;
    private String message;
    private String approvedBy;
    private Instant approvedAt;
    private String approvalComment;
    private Instant startedAt;
    private Instant finishedAt;
    private List<Task> tasks = new ArrayList<>();

    @JsonCreator
    private Stage() {
    }

    Stage(String name, StagePolicy policy) {
        this.name = name;
        this.policy = policy;
    }

    public String name() {
        return name;
    }

    public StagePolicy policy() {
        return policy;
    }

    public StageStatus status() {
        return status;
    }

    public String message() {
        return message;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String approvalComment() {
        return approvalComment;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    void add(Task task) {
        tasks.add(task);
    }

    boolean approved() {
        return approvedBy != null;
    }

    void approve(String principal, String comment, Instant now) {
        approvedBy = principal;
        approvalComment = comment;
        approvedAt = now;
    }

    void status(StageStatus status, String message, Instant now) {
        this.status = status;
        this.message = message;
        if (status == StageStatus.IN_PROGRESS && startedAt == null) {
            startedAt = now;
        }
        if (status.terminal()) {
            finishedAt = now;
        } else {
            finishedAt = null;
        }
    }
}
