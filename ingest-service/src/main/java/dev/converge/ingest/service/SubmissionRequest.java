package dev.converge.ingest.service;

import dev.converge.common.events.Mode;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.json.StrictFields;

import java.util.List;

/** The body of {@code POST /v1/projects/{project}/submissions}, as received; a field it does not have is refused. */
@StrictFields
public record SubmissionRequest(
        Mode mode,
        List<FileSubmission> files,
        List<String> targets,
        String customRules,
        Vcs vcs) {

    /**
     * Where the submission comes from, every field optional: {@link VcsMetadata} as a client sends it. Its own type
     * so that the request is strict while the event carrying {@link VcsMetadata} stays tolerant.
     */
    @StrictFields
    public record Vcs(String repository, String pullRequest, String commit, String author) {
        public VcsMetadata metadata() {
            return new VcsMetadata(repository, pullRequest, commit, author);
        }
    }
}
