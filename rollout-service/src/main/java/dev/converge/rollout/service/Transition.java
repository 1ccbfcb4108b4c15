package dev.converge.rollout.service;

import dev.converge.common.events.SubjectType;

import java.util.Map;

/**
 * One status change inside a rollout, in the order it happened. The service turns each into a
 * {@code StatusChanged} event; {@code seq} makes its event id deterministic.
 */
public record Transition(long seq, SubjectType subjectType, String subjectId, String target, String status,
                         String message, Map<String, String> attributes) {
    public Transition {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
