package dev.converge.rollout.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A rollout row: the aggregate as JSON plus the columns used to list and schedule rollouts. */
@Entity
@Table(name = "rollouts")
public class RolloutRecord extends PanacheEntityBase {
    @Id
    public String id;

    public String project;

    @Column(name = "submission_id")
    public String submissionId;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String document;
}
