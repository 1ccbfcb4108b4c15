package dev.converge.rollout.execution;

import dev.converge.common.events.PlanComputed;

/**
 * What the executor needs to know about a target's schema: its hash (the same hash the planner puts into
 * {@code baseHash}/{@code desiredHash}) and, when it drifted, a sentence-level account of what differs.
 * Implemented with the schema engine; blocking, never called on an event-loop thread.
 */
public interface SchemaProbe {
    String hash(TargetDb target);

    /** Explains how the target differs from what the plan expects; one line per difference. */
    String explainDrift(TargetDb target, PlanComputed plan, String currentHash);
}
