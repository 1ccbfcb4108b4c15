package dev.converge.rollout.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A status event in commit order; {@link #id} is the Server-Sent Events id. */
@Entity
@Table(name = "event_log")
public class EventLogRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    public String project;

    @Column(name = "submission_id")
    public String submissionId;

    @Column(name = "rollout_id")
    public String rolloutId;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
