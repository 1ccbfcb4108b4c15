package dev.converge.review.ai;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AiCache} for tools and tests that need no database. */
public final class InMemoryAiCache implements AiCache {
    private final Map<String, AiAnswer> answers = new ConcurrentHashMap<>();

    @Override
    public Uni<AiAnswer> get(String key) {
        return Uni.createFrom().item(answers.get(key));
    }

    @Override
    public Uni<Void> put(String key, String model, AiAnswer answer) {
        answers.put(key, answer);
        return Uni.createFrom().voidItem();
    }
}
