package dev.converge.rollout.api;

/** Body of approve / reject / cancel / retry: an optional comment for the audit trail. */
public record Decide(String comment) {
}
