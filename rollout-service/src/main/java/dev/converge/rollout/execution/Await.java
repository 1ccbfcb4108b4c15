package dev.converge.rollout.execution;

import io.vertx.core.Future;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking bridge for the executor, which runs on worker threads and reads best as sequential code. */
final class Await {
    /** Longer than any statement timeout a plan carries; a hung server still ends the wait. */
    static final long SECONDS = 3600;

    private Await() {
    }

    static <T> T of(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not answer within " + SECONDS + " s", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(String.valueOf(c.getMessage()), c);
        }
    }
}
