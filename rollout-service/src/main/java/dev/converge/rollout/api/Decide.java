package dev.converge.rollout.api;

import dev.converge.common.json.StrictFields;

/** Body of approve / reject / cancel / retry: an optional comment for the audit trail; any other field is refused. */
@StrictFields
public record Decide(String comment) {
}
