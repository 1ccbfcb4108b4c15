package dev.converge.common.events;

import java.time.Instant;
import java.util.List;

/**
 * Topic {@code converge.submissions.v1}, key = submission id. Published by ingest once a submission passed
 * validation. {@code targets} are canonical {@code instance/database} names, already resolved against the
 * project; {@code submittedBy} is the authenticated principal.
 */
public record SubmissionAccepted(
        String eventId,
        Instant occurredAt,
        String submissionId,
        String project,
        Mode mode,
        List<StateFile> files,
        List<String> targets,
        String customRules,
        VcsMetadata vcs,
        String submittedBy) implements Event {

    public SubmissionAccepted {
        files = List.copyOf(files);
        targets = List.copyOf(targets);
    }

    @Override
    public String key() {
        return submissionId;
    }
}
