package dev.converge.review.ai;

import io.smallrye.mutiny.Uni;

/** Validated AI answers by prompt hash (rules, SQL, schema context, model), so a plan is sent to the model once. */
public interface AiCache {
    Uni<AiAnswer> get(String key);

    Uni<Void> put(String key, String model, AiAnswer answer);
}
