package dev.converge.rollout.service;

import dev.converge.common.config.Policy;

/**
 * The policy of a stage, copied from configuration when the rollout is created so that a configuration change
 * does not alter a rollout in flight.
 */
public record StagePolicy(boolean needsApproval, String approverRole, boolean submitterMayApprove, BlockOn blockOn) {

    public static StagePolicy of(Policy policy, BlockOn blockOn) {
        return new StagePolicy(policy.needsApproval(), policy.approverRole(), policy.submitterMayApprove(), blockOn);
    }

    public static StagePolicy automatic(BlockOn blockOn) {
        return new StagePolicy(false, null, true, blockOn);
    }
}
