package dev.converge.review.service;

import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.Instance;
import dev.converge.common.config.TargetRef;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens a {@link PgTargetProbe} on a plan's target, using the instance credentials of the Converge configuration. */
@ApplicationScoped
public class TargetProbes {
    private final ConvergeConfig config;
    private final Vertx vertx;

    public TargetProbes(ConvergeConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    /** A probe on the target, or null when the target names no configured instance. */
    public PgTargetProbe open(String target, long timeoutMs) {
        TargetRef ref;
        try {
            ref = TargetRef.parse(target);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Instance instance = config.instance(ref.instance());
        return instance == null ? null : new PgTargetProbe(vertx, instance, ref.database(), timeoutMs);
    }
}
