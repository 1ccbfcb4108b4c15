package dev.converge.ingest.service;

import dev.converge.common.events.SourceLocation;

import java.util.List;

/** The state-file allowlist: which statements of a file may not appear in a desired-state file, and where. */
@FunctionalInterface
public interface StateFileRules {

    List<Violation> check(String path, String content);

    /** One refused statement. */
    record Violation(SourceLocation location, String message) {
    }
}
