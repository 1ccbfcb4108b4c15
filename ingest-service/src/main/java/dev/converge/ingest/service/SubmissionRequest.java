package dev.converge.ingest.service;

import dev.converge.common.events.Mode;
import dev.converge.common.events.VcsMetadata;

import java.util.List;

/** The body of {@code POST /v1/projects/{project}/submissions}, as received. */
public record SubmissionRequest(
        Mode mode,
        List<FileSubmission> files,
        List<String> targets,
        String customRules,
        VcsMetadata vcs) {
}
