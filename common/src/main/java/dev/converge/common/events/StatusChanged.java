package dev.converge.common.events;

import java.time.Instant;
import java.util.Map;

/**
 * Topic {@code converge.status.v1}, key = submission id. One uniform shape for every state transition, so a
 * dashboard can render the stream without knowing the other topics.
 *
 * @param subjectId  id of the subject (submission id, target, rollout id, stage name, task id)
 * @param target     the target concerned, when there is one
 * @param attributes small extra facts to display (durations, counts, rollout id)
 */
public record StatusChanged(
        String eventId,
        Instant occurredAt,
        String submissionId,
        String project,
        SubjectType subjectType,
        String subjectId,
        String target,
        String status,
        String message,
        Map<String, String> attributes) implements Event {

    public StatusChanged {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public String key() {
        return submissionId;
    }
}
