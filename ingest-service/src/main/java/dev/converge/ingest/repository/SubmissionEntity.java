package dev.converge.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A submission ingest accepted. Files are not kept here: they travel once, in the outbox event. */
@Entity
@Table(name = "submissions")
public class SubmissionEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String project;
    public String mode;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_fingerprint")
    public String requestFingerprint;
    @Column(name = "vcs_json")
    public String vcsJson;
    @Column(name = "file_count")
    public int fileCount;
    @Column(name = "total_bytes")
    public long totalBytes;
    @Column(name = "last_status")
    public String lastStatus;
    @Column(name = "last_message")
    public String lastMessage;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Uni<SubmissionEntity> findByIdempotencyKey(String submittedBy, String key) {
        return find("submittedBy = ?1 and idempotencyKey = ?2", submittedBy, key).firstResult();
    }

    /** Newest first; {@code after} is the last item of the previous page (keyset pagination), or null. */
    public static Uni<List<SubmissionEntity>> page(String project, SubmissionEntity after, int limit) {
        if (after == null) {
            return find("project = ?1 order by createdAt desc, id desc", project).page(0, limit).list();
        }
        return find("project = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                project, after.createdAt, after.id).page(0, limit).list();
    }
}
