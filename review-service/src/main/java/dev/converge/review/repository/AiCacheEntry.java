package dev.converge.review.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A validated AI answer, keyed by the hash of (rules, plan SQL, schema context, model). */
@Entity
@Table(name = "ai_cache")
public class AiCacheEntry extends PanacheEntityBase {
    @Id
    @Column(name = "cache_key")
    public String cacheKey;
    public String model;
    @Column(name = "answer_json")
    public String answerJson;
    @Column(name = "created_at")
    public Instant createdAt;
}
