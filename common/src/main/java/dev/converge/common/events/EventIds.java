package dev.converge.common.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same fact (for example "plan of submission S for target T") always gets the
 * same id, so a producer that retries after a crash emits a duplicate that consumers recognise.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The id of the rollout a ROLLOUT submission opens: derived from the submission id, so the CLI knows it as
     * soon as ingest accepted the submission, and a redelivered submission maps to the same rollout.
     */
    public static String rolloutOf(String submissionId) {
        return of("rollout", submissionId);
    }
}
