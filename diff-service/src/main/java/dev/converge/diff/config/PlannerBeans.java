package dev.converge.diff.config;

import dev.converge.common.config.ConvergeConfig;
import dev.converge.diff.service.SubmissionPlanner;
import dev.converge.diff.service.TargetPlanner;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.plan.PlanOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the framework-free engine and planners; owns the bounded planner pool. */
@ApplicationScoped
public class PlannerBeans {
    private ExecutorService pool;

    @Produces
    @ApplicationScoped
    SubmissionPlanner submissionPlanner(ConvergeConfig config, PlannerConfig planner) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(planner.threads(), r -> {
            Thread t = new Thread(r, "converge-planner-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        TargetPlanner targets = new TargetPlanner(config, new SchemaEngine(), PlanOptions.defaults(), Clock.systemUTC());
        return new SubmissionPlanner(targets, pool, planner.timeout(), Clock.systemUTC());
    }

    @PreDestroy
    void shutdown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
