package dev.converge.rollout.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One decision of the audit trail. */
@Entity
@Table(name = "audit")
public class AuditRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rollout_id")
    public String rolloutId;

    public String action;

    public String stage;

    @Column(name = "task_id")
    public String taskId;

    public String principal;

    public String comment;

    public Instant at;
}
