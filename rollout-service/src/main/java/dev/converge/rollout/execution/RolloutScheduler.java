package dev.converge.rollout.execution;

import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.Instance;
import dev.converge.common.config.TargetRef;
import dev.converge.rollout.repository.RolloutStore;
import dev.converge.rollout.service.Rollout;
import dev.converge.rollout.service.RolloutService;
import dev.converge.rollout.service.RolloutSettings;
import dev.converge.rollout.service.Task;
import dev.converge.rollout.service.TaskOutcome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Drives rollouts forward: one scheduler thread looks for work (on a timer and whenever a rollout changed),
 * claims runnable tasks in a transaction, and hands them to a pool of executor threads. A task left RUNNING by a
 * previous process (crash) is handed to the executor again, which re-checks it against the target's
 * {@code converge_history} instead of re-running it blindly.
 */
@ApplicationScoped
public class RolloutScheduler {
    private static final Logger LOG = Logger.getLogger(RolloutScheduler.class);

    private final RolloutService service;
    private final RolloutStore store;
    private final RolloutSettings settings;
    private final ConvergeConfig config;
    private final Vertx vertx;
    private final OutboxPublisher outbox;
    /** rolloutId/taskId/attempt of tasks executing in this process. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private ScheduledExecutorService ticker;
    private ExecutorService workers;
    private TaskExecutor executor;

    public RolloutScheduler(RolloutService service, RolloutStore store, RolloutSettings settings, ConvergeConfig config,
                            Vertx vertx, OutboxPublisher outbox) {
        this.service = service;
        this.store = store;
        this.settings = settings;
        this.config = config;
        this.vertx = vertx;
        this.outbox = outbox;
    }

    void start(@Observes StartupEvent startup) {
        executor = new TaskExecutor(vertx, new EngineSchemaProbe(config), settings.lockRetries(), settings.lockRetryBackoffMs());
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rollout-scheduler"));
        workers = Executors.newFixedThreadPool(Math.max(2, settings.parallelism() * 2), r -> daemon(r, "rollout-executor"));
        service.onChange(this::wake);
        ticker.scheduleWithFixedDelay(this::tick, 1000, settings.tickMs(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (ticker != null) {
            ticker.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Look for work soon (after the caller's transaction had time to commit). */
    public void wake() {
        if (ticker != null && wakePending.compareAndSet(false, true)) {
            ticker.schedule(() -> {
                wakePending.set(false);
                tick();
            }, 50, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        try {
            outbox.publishPending();
            for (String id : await(() -> Panache.withSession(store::active))) {
                await(() -> Panache.withTransaction(() -> service.reconcile(id)));
                dispatch(id);
            }
            for (String id : await(() -> Panache.withSession(store::withRunningTasks))) {
                dispatch(id);
            }
        } catch (RuntimeException e) {
            LOG.warnf("rollout scheduler: %s", TaskExecutor.oneLine(e));
        } catch (Throwable e) {
            LOG.errorf(e, "rollout scheduler");
        }
    }

    private void dispatch(String rolloutId) throws Throwable {
        List<Task> tasks = await(() -> Panache.withTransaction(() ->
                service.claim(rolloutId, t -> inFlight.contains(key(rolloutId, t)))));
        if (tasks.isEmpty()) {
            return;
        }
        Rollout rollout = await(() -> Panache.withSession(() -> store.find(rolloutId)));
        for (Task task : tasks) {
            if (inFlight.add(key(rolloutId, task))) {
                ExecutionRequest request = request(rollout, task);
                workers.submit(() -> run(request));
            }
        }
    }

    private void run(ExecutionRequest request) {
        TaskOutcome outcome;
        try {
            outcome = request.target() == null
                    ? TaskOutcome.failed("target is not configured: " + request.plan().target())
                    : executor.execute(request);
        } catch (RuntimeException e) {
            outcome = TaskOutcome.failed("execution stopped: " + TaskExecutor.oneLine(e));
        }
        TaskOutcome result = outcome;
        try {
            await(() -> Panache.withTransaction(() ->
                    service.complete(request.rolloutId(), request.taskId(), result)));
        } catch (Throwable e) {
            // The task stays RUNNING; the next tick re-checks it against the target's history.
            LOG.warnf("could not record the end of task %s: %s", request.taskId(), e.getMessage());
        } finally {
            inFlight.remove(request.rolloutId() + "/" + request.taskId() + "/" + request.attempt());
            wake();
        }
    }

    private ExecutionRequest request(Rollout rollout, Task task) {
        Task current = rollout.task(task.id());
        String principal = rollout.stageOf(current).approvedBy() != null ? rollout.stageOf(current).approvedBy()
                : rollout.submittedBy();
        return new ExecutionRequest(rollout.id(), current.id(), current.attempt(), rollout.submissionId(),
                rollout.project(), target(current.target()), current.plan(), principal);
    }

    /** The target's connection from configuration (credentials never leave the service). */
    TargetDb target(String name) {
        TargetRef ref = TargetRef.parse(name);
        Instance instance = config.instance(ref.instance());
        if (instance == null) {
            return null;
        }
        return new TargetDb(name, instance.host(), instance.port(), ref.database(), instance.username(), instance.password());
    }

    private static String key(String rolloutId, Task t) {
        return rolloutId + "/" + t.id() + "/" + t.attempt();
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
