package dev.converge.common.events;

/** Who produced a finding: a deterministic rule or the AI review. */
public enum FindingSource {
    RULE, AI
}
