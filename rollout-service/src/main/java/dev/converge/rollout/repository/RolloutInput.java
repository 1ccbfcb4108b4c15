package dev.converge.rollout.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A plan or review received for a submission, kept until its rollout has used it. */
@Entity
@Table(name = "rollout_inputs")
public class RolloutInput extends PanacheEntityBase {
    public static final String PLAN = "PLAN";
    public static final String REVIEW = "REVIEW";

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "submission_id")
    public String submissionId;

    public String kind;

    public String payload;

    @Column(name = "received_at")
    public Instant receivedAt;
}
