package dev.converge.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * The read model of one target of a submission: its plan (or planning failure) and its review, as JSON of the
 * events that carried them. {@code id} is {@code submissionId|target}.
 */
@Entity
@Table(name = "submission_targets")
public class TargetStateEntity extends PanacheEntityBase {
    public static final String PLANNING = "PLANNING";
    public static final String PLANNED = "PLANNED";
    public static final String PLAN_FAILED = "PLAN_FAILED";

    @Id
    public String id;
    @Column(name = "submission_id")
    public String submissionId;
    public String target;
    public String environment;
    public int position;
    @Column(name = "plan_status")
    public String planStatus;
    @Column(name = "plan_event_id")
    public String planEventId;
    @Column(name = "plan_json")
    public String planJson;
    @Column(name = "failure_json")
    public String failureJson;
    @Column(name = "review_event_id")
    public String reviewEventId;
    @Column(name = "review_json")
    public String reviewJson;
    @Column(name = "last_status")
    public String lastStatus;
    @Column(name = "last_message")
    public String lastMessage;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static String idOf(String submissionId, String target) {
        return submissionId + "|" + target;
    }

    /**
     * Loads the row locked for update: plan, review and status events arrive on different channels at the same
     * time, and each must see the others' committed changes instead of overwriting them.
     */
    public static Uni<TargetStateEntity> forUpdate(String submissionId, String target) {
        return findById(idOf(submissionId, target), LockModeType.PESSIMISTIC_WRITE);
    }

    public static Uni<List<TargetStateEntity>> ofSubmission(String submissionId) {
        return list("submissionId = ?1 order by position", submissionId);
    }

    public static Uni<List<TargetStateEntity>> ofSubmissions(List<String> submissionIds) {
        return list("submissionId in ?1 order by position", submissionIds);
    }
}
