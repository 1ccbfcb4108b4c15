package dev.converge.review.service;

import dev.converge.common.json.Json;
import dev.converge.review.ai.AiAnswer;
import dev.converge.review.ai.AiCache;
import dev.converge.review.repository.AiCacheEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The AI answer cache in the review schema. A second writer of the same key keeps the first answer. */
@ApplicationScoped
public class PanacheAiCache implements AiCache {
    private final Vertx vertx;

    public PanacheAiCache(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Uni<AiAnswer> get(String key) {
        return OnVertxContext.call(vertx, () -> Panache.withSession(() -> AiCacheEntry.<AiCacheEntry>findById(key)))
                .map(entry -> entry == null ? null : Json.decode(entry.answerJson, AiAnswer.class));
    }

    @Override
    public Uni<Void> put(String key, String model, AiAnswer answer) {
        return OnVertxContext.call(vertx, () -> Panache.withTransaction(() -> AiCacheEntry.<AiCacheEntry>findById(key)
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    AiCacheEntry entry = new AiCacheEntry();
                    entry.cacheKey = key;
                    entry.model = model;
                    entry.answerJson = Json.encode(answer);
                    entry.createdAt = Instant.now();
                    return entry.persist().replaceWithVoid();
                })));
    }
}
