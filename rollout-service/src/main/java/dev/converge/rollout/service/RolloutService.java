package dev.converge.rollout.service;

import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.json.Json;
import dev.converge.rollout.repository.RolloutInput;
import dev.converge.rollout.repository.RolloutStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rollout use cases. Each method runs inside the caller's transaction (the consumers' inbox transaction, a
 * REST call's, or the scheduler's), changes one rollout under its row lock and saves it with its events.
 */
@ApplicationScoped
public class RolloutService {
    private static final Logger LOG = Logger.getLogger(RolloutService.class);

    private final ConvergeConfig config;
    private final RolloutSettings settings;
    private final RolloutStore store;
    private final Clock clock = Clock.systemUTC();
    private volatile Runnable onChange = () -> { };

    public RolloutService(ConvergeConfig config, RolloutSettings settings, RolloutStore store) {
        this.config = config;
        this.settings = settings;
        this.store = store;
    }

    /** Lets the scheduler look for work as soon as something changed instead of at its next tick. */
    public void onChange(Runnable wake) {
        this.onChange = wake;
    }

    // ------------------------------------------------------------------ events from the other services

    public Uni<Void> onSubmission(SubmissionAccepted submission) {
        if (submission.mode() != Mode.ROLLOUT) {
            return Uni.createFrom().voidItem();
        }
        return store.existsForSubmission(submission.submissionId()).chain(exists -> {
            if (exists) {
                return Uni.createFrom().voidItem();
            }
            Rollout rollout;
            try {
                rollout = Rollout.create(submission, config, settings::blockOn, now());
            } catch (RolloutException e) {
                LOG.warnf("no rollout for submission %s: %s", submission.submissionId(), e.getMessage());
                return Uni.createFrom().voidItem();
            }
            return inputs(submission.submissionId()).chain(inputs -> {
                inputs.forEach(i -> apply(rollout, i));
                rollout.advance(now());
                LOG.infof("rollout %s created for submission %s: %s", rollout.id(), submission.submissionId(), rollout.status());
                return store.create(rollout);
            }).invoke(this::changed);
        });
    }

    public Uni<Void> onPlan(PlanEvent plan) {
        if (plan.mode() != Mode.ROLLOUT) {
            return Uni.createFrom().voidItem();
        }
        return remember(plan.eventId(), plan.submissionId(), RolloutInput.PLAN, Json.encode(plan))
                .chain(() -> reconcileSubmission(plan.submissionId()));
    }

    public Uni<Void> onReview(ReviewCompleted review) {
        // Reviews do not say whether their submission is a rollout; keep them (without findings) until we know.
        ReviewCompleted slim = new ReviewCompleted(review.eventId(), review.occurredAt(), review.submissionId(),
                review.project(), review.target(), review.environment(), review.planEventId(), review.planHash(),
                List.of(), review.verdict(), List.of());
        return remember(review.eventId(), review.submissionId(), RolloutInput.REVIEW, Json.encode(slim))
                .chain(() -> reconcileSubmission(review.submissionId()));
    }

    /** Re-applies every input of the rollout's submission; harmless when nothing changed. */
    public Uni<Void> reconcile(String rolloutId) {
        return store.lock(rolloutId).chain(rollout -> rollout == null ? Uni.createFrom().voidItem()
                : inputs(rollout.submissionId()).chain(inputs -> {
                    inputs.forEach(i -> apply(rollout, i));
                    rollout.advance(now());
                    return store.save(rollout);
                })).invoke(this::changed);
    }

    private Uni<Void> reconcileSubmission(String submissionId) {
        return store.lockBySubmission(submissionId).chain(rollout -> rollout == null ? Uni.createFrom().voidItem()
                : inputs(submissionId).chain(inputs -> {
                    inputs.forEach(i -> apply(rollout, i));
                    rollout.advance(now());
                    return store.save(rollout);
                })).invoke(this::changed);
    }

    private Uni<Void> remember(String eventId, String submissionId, String kind, String payload) {
        return RolloutInput.<RolloutInput>findById(eventId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            RolloutInput input = new RolloutInput();
            input.eventId = eventId;
            input.submissionId = submissionId;
            input.kind = kind;
            input.payload = payload;
            input.receivedAt = now();
            return input.persist().replaceWithVoid();
        });
    }

    private Uni<List<RolloutInput>> inputs(String submissionId) {
        return RolloutInput.<RolloutInput>find("submissionId = ?1 order by receivedAt", submissionId).list();
    }

    private static void apply(Rollout rollout, RolloutInput input) {
        if (RolloutInput.PLAN.equals(input.kind)) {
            PlanEvent plan = Json.decode(input.payload, PlanEvent.class);
            if (plan instanceof PlanComputed computed) {
                rollout.attach(computed);
            } else if (plan instanceof PlanFailed failed) {
                rollout.attach(failed);
            }
        } else if (RolloutInput.REVIEW.equals(input.kind)) {
            rollout.attach(Json.decode(input.payload, ReviewCompleted.class));
        }
    }

    // ------------------------------------------------------------------ execution bookkeeping

    /**
     * Claims the tasks that may start now and returns them with the tasks left RUNNING by an earlier process
     * (those are re-checked against the target's history, never blindly re-run).
     */
    public Uni<List<Task>> claim(String rolloutId, java.util.function.Predicate<Task> inFlight) {
        return store.lock(rolloutId).chain(rollout -> {
            if (rollout == null) {
                return Uni.createFrom().item(List.<Task>of());
            }
            List<Task> orphans = rollout.runningTasks().stream().filter(inFlight.negate()).toList();
            List<Task> claimed = rollout.claimRunnable(settings.parallelism(), now());
            List<Task> all = new java.util.ArrayList<>(orphans);
            all.addAll(claimed);
            return store.save(rollout).replaceWith(all);
        });
    }

    public Uni<Void> complete(String rolloutId, String taskId, TaskOutcome outcome) {
        return store.lock(rolloutId).chain(rollout -> {
            if (rollout == null || !rollout.complete(taskId, outcome, now())) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("rollout %s task %s (%s): %s", rolloutId, taskId, rollout.task(taskId).target(), outcome.status());
            return store.save(rollout);
        }).invoke(this::changed);
    }

    // ------------------------------------------------------------------ decisions

    public Uni<Rollout> approve(String rolloutId, String stage, Actor actor, String comment) {
        return decide(rolloutId, r -> r.approve(stage, actor, comment, now()));
    }

    public Uni<Rollout> reject(String rolloutId, String stage, Actor actor, String comment) {
        return decide(rolloutId, r -> r.reject(stage, actor, comment, now()));
    }

    public Uni<Rollout> cancel(String rolloutId, Actor actor, String comment) {
        return decide(rolloutId, r -> r.cancel(actor, comment, now()));
    }

    public Uni<Rollout> retry(String rolloutId, String taskId, Actor actor, String comment) {
        return decide(rolloutId, r -> r.retry(taskId, actor, comment, now()));
    }

    private Uni<Rollout> decide(String rolloutId, Consumer<Rollout> decision) {
        return store.lock(rolloutId).chain(rollout -> {
            if (rollout == null) {
                return Uni.createFrom().failure(new RolloutException(RolloutException.Kind.NOT_FOUND,
                        "no rollout '" + rolloutId + "'"));
            }
            decision.accept(rollout);
            return store.save(rollout).replaceWith(rollout);
        }).invoke(this::changed);
    }

    private void changed() {
        onChange.run();
    }

    private Instant now() {
        return clock.instant();
    }
}
