package dev.converge.diff.service;

import dev.converge.common.events.PlanEvent;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.SubmissionAccepted;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plans every target of a submission in parallel on a bounded pool (the engine blocks on JDBC-like round trips
 * and shadow databases, so it must stay off the event loop). Each target yields exactly one event, in the
 * submission's target order; one target failing never prevents the others' plans.
 */
public class SubmissionPlanner {
    private final TargetPlanner planner;
    private final ExecutorService pool;
    private final Duration timeout;
    private final Clock clock;

    public SubmissionPlanner(TargetPlanner planner, ExecutorService pool, Duration timeout, Clock clock) {
        this.planner = planner;
        this.pool = pool;
        this.timeout = timeout;
        this.clock = clock;
    }

    public CompletableFuture<List<PlanEvent>> planAll(SubmissionAccepted submission) {
        List<CompletableFuture<PlanEvent>> futures = new ArrayList<>();
        for (String target : submission.targets()) {
            futures.add(CompletableFuture.supplyAsync(() -> planner.plan(submission, target), pool)
                    .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .thenApply(event -> event != null ? event : timedOut(submission, target)));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    private PlanEvent timedOut(SubmissionAccepted s, String target) {
        return new PlanFailed(TargetPlanner.eventId(s.submissionId(), target), clock.instant(), s.submissionId(),
                s.project(), target, null, s.mode(), "INTERNAL", "planning " + target + " did not finish within "
                + timeout.toSeconds() + " s (converge.diff.planner.timeout)", null);
    }
}
