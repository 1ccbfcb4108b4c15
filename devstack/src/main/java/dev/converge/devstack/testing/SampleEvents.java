package dev.converge.devstack.testing;

import dev.converge.common.Topics;
import dev.converge.common.events.Event;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.events.SubjectType;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.events.Verdict;
import dev.converge.common.events.VcsMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small, valid events for wiring tests (each call gets a fresh submission id and so a fresh eventId). */
public final class SampleEvents {
    private SampleEvents() {
    }

    public static SubmissionAccepted submission() {
        String id = UUID.randomUUID().toString();
        return new SubmissionAccepted(EventIds.of("submission", id), Instant.now(), id, "hr", Mode.CHECK,
                List.of(new StateFile("schemas/hr.sql", "create table employee (id bigint primary key);", "0".repeat(64))),
                List.of("demo/hr_test"), null, new VcsMetadata("acme/hr", "7", "abc123", "dev"), "ci");
    }

    public static PlanFailed planFailed() {
        String id = UUID.randomUUID().toString();
        return new PlanFailed(EventIds.of("plan", id, "demo/hr_test"), Instant.now(), id, "hr", "demo/hr_test", "test",
                Mode.CHECK, "TARGET_UNREACHABLE", "target demo/hr_test is unreachable", null);
    }

    public static ReviewCompleted review() {
        String id = UUID.randomUUID().toString();
        return new ReviewCompleted(EventIds.of("review", id, "demo/hr_test"), Instant.now(), id, "hr", "demo/hr_test",
                "test", EventIds.of("plan", id, "demo/hr_test"), "0".repeat(64), List.of(), Verdict.PASS, List.of());
    }

    public static StatusChanged status() {
        String id = UUID.randomUUID().toString();
        return new StatusChanged(EventIds.of("status", id), Instant.now(), id, "hr", SubjectType.SUBMISSION, id, null,
                "ACCEPTED", "submission accepted", Map.of());
    }

    /** A sample event of the type that travels on {@code topic}. */
    public static Event forTopic(String topic) {
        return switch (topic) {
            case Topics.SUBMISSIONS -> submission();
            case Topics.PLANS -> planFailed();
            case Topics.REVIEWS -> review();
            case Topics.STATUS -> status();
            default -> throw new IllegalArgumentException("no Converge topic '" + topic + "'");
        };
    }
}
