package dev.converge.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's one shared Vert.x instance (created lazily, closed at JVM exit) and the blocking bridge the
 * engine's synchronous API is built on. The engine never blocks an event-loop thread: {@link #await} is for
 * callers on ordinary threads.
 */
public final class EngineVertx {
    private static volatile Vertx vertx;

    private EngineVertx() {
    }

    public static Vertx get() {
        Vertx v = vertx;
        if (v == null) {
            synchronized (EngineVertx.class) {
                v = vertx;
                if (v == null) {
                    v = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2)
                            .setBlockedThreadCheckInterval(60_000));
                    vertx = v;
                    Vertx toClose = v;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> toClose.close(), "converge-vertx-close"));
                }
            }
        }
        return v;
    }

    /** Closes the shared instance (a new one is created on next use). */
    public static synchronized void shutdown() {
        if (vertx != null) {
            Vertx v = vertx;
            vertx = null;
            await(v.close(), 30);
        }
    }

    public static <T> T await(Future<T> future, long timeoutSeconds) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(EngineException.Code.INTERNAL, "interrupted while waiting for PostgreSQL");
        } catch (TimeoutException e) {
            throw new EngineException(EngineException.Code.INTERNAL, "PostgreSQL did not answer within " + timeoutSeconds + " s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new EngineException(EngineException.Code.INTERNAL, String.valueOf(c.getMessage()), null, c);
        }
    }
}
