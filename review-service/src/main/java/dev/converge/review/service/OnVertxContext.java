package dev.converge.review.service;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs Hibernate Reactive work on a safe duplicated Vert.x context, whatever thread asks: the rules and the AI call
 * run on worker threads, and their results are stored from there.
 */
public final class OnVertxContext {
    private OnVertxContext() {
    }

    public static <T> Uni<T> call(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
