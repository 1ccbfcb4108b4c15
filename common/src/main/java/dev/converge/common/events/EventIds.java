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
}
