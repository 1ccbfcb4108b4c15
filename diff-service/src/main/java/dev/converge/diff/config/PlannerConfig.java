package dev.converge.diff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** diff-service planning settings ({@code converge.diff.planner.*}). */
@ConfigMapping(prefix = "converge.diff.planner")
public interface PlannerConfig {
    /** Targets planned at the same time (each uses up to six connections: target, shadow, admin, three index lanes). */
    @WithDefault("4")
    int threads();

    /** A target whose plan takes longer fails with a reason instead of holding the submission forever. */
    @WithDefault("120s")
    Duration timeout();
}
