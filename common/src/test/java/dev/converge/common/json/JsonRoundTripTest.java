package dev.converge.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.common.events.Finding;
import dev.converge.common.events.FindingSource;
import dev.converge.common.events.Hazard;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.Severity;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.events.SubjectType;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.events.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {
    private static final Instant AT = Instant.parse("2026-11-27T08:00:00.123Z");

    @Test
    void submissionAcceptedSurvivesRoundTrip() {
        SubmissionAccepted e = new SubmissionAccepted("e1", AT, "s1", "hr", Mode.CHECK,
                List.of(new StateFile("schemas/a.sql", "CREATE TABLE a(id int);", "abc")),
                List.of("demo/hr_test"), "# rules", new VcsMetadata("org/repo", "7", "deadbeef", "ann"), "ci-bot");
        assertThat(Json.decode(Json.encode(e), SubmissionAccepted.class)).isEqualTo(e);
    }

    @Test
    void planEventsDecodeToTheirOwnTypeThroughTheSealedInterface() {
        PlanComputed computed = new PlanComputed("e2", AT, "s1", "hr", "demo/hr_test", "test", Mode.ROLLOUT, "base", "desired",
                "plan", List.of(new PlannedStatement(0, "CREATE INDEX CONCURRENTLY i ON t(a)",
                List.of(new Hazard("INDEX_BUILD", "builds an index")), false, 3000, 600000)),
                List.of("add index i"), "CREATE TABLE t(a int);");
        PlanFailed failed = new PlanFailed("e3", AT, "s1", "hr", "demo/hr_prod", "prod", Mode.CHECK, "STATE_FILE_INVALID",
                "syntax error", new SourceLocation("schemas/b.sql", 7, 3));

        assertThat(Json.decode(Json.encode(computed), PlanEvent.class)).isEqualTo(computed);
        assertThat(Json.decode(Json.encode(failed), PlanEvent.class)).isEqualTo(failed);
        assertThat(Json.encode(failed)).contains("\"type\":\"PlanFailed\"");
    }

    @Test
    void planComputedCarriesStateFilesAndCustomRulesForTheReview() {
        PlanComputed computed = new PlanComputed("e2", AT, "s1", "hr", "demo/hr_test", "test", Mode.CHECK, "base", "desired",
                "plan", List.of(), List.of(), "CREATE TABLE t(a int);",
                List.of(new StateFile("schemas/t.sql", "CREATE TABLE t(a int);", "abc")), "# All tables in snake_case");
        assertThat(Json.decode(Json.encode(computed), PlanEvent.class)).isEqualTo(computed);
    }

    @Test
    void planComputedFromAnOlderProducerHasNoFilesAndNoCustomRules() {
        String json = "{\"type\":\"PlanComputed\",\"eventId\":\"e\",\"occurredAt\":\"2026-11-27T08:00:00Z\",\"submissionId\":\"s\","
                + "\"project\":\"p\",\"target\":\"i/d\",\"mode\":\"CHECK\",\"statements\":[]}";
        PlanComputed decoded = (PlanComputed) Json.decode(json, PlanEvent.class);
        assertThat(decoded.files()).isEmpty();
        assertThat(decoded.customRules()).isNull();
    }

    @Test
    void reviewAndStatusSurviveRoundTrip() {
        ReviewCompleted review = new ReviewCompleted("e4", AT, "s1", "hr", "demo/hr_test", "test", "e2", "plan",
                List.of(new Finding("naming.table", Severity.WARNING, 0, "not snake_case", FindingSource.RULE,
                        new SourceLocation("a.sql", 1, 1), "rename it")), Verdict.WARN, List.of("AI review skipped"));
        StatusChanged status = new StatusChanged("e5", AT, "s1", "hr", SubjectType.TASK, "t1", "demo/hr_test",
                "SUCCEEDED", "applied 3 statements", Map.of("rolloutId", "r1"));
        assertThat(Json.decode(Json.encode(review), ReviewCompleted.class)).isEqualTo(review);
        assertThat(Json.decode(Json.encode(status), StatusChanged.class)).isEqualTo(status);
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        String json = "{\"eventId\":\"e\",\"occurredAt\":\"2026-11-27T08:00:00Z\",\"submissionId\":\"s\",\"project\":\"p\","
                + "\"subjectType\":\"SUBMISSION\",\"subjectId\":\"s\",\"status\":\"ACCEPTED\",\"addedLater\":42}";
        assertThat(Json.decode(json, StatusChanged.class).status()).isEqualTo("ACCEPTED");
    }

    @Test
    void malformedJsonNamesTheTargetType() {
        assertThatThrownBy(() -> Json.decode("{not json", SubmissionAccepted.class))
                .isInstanceOf(Json.JsonCodecException.class)
                .hasMessageContaining("SubmissionAccepted");
    }

    @Test
    void anEnumIsReadByNameNeverByOrdinal() {
        record Body(Mode mode) {
        }
        assertThat(Json.decode("{\"mode\":\"ROLLOUT\"}", Body.class).mode()).isEqualTo(Mode.ROLLOUT);
        assertThatThrownBy(() -> Json.decode("{\"mode\":1}", Body.class))
                .isInstanceOf(Json.JsonCodecException.class).hasMessageContaining("Mode");
        assertThatThrownBy(() -> Json.decode("{\"mode\":\"1\"}", Body.class))
                .isInstanceOf(Json.JsonCodecException.class).hasMessageContaining("Mode");
    }

    @Test
    void verdictIsTheHighestSeverity() {
        Finding warn = new Finding("r", Severity.WARNING, 0, "m", FindingSource.RULE, null, null);
        Finding err = new Finding("r", Severity.ERROR, 0, "m", FindingSource.AI, null, null);
        Finding info = new Finding("r", Severity.INFO, 0, "m", FindingSource.RULE, null, null);
        assertThat(Verdict.of(List.of())).isEqualTo(Verdict.PASS);
        assertThat(Verdict.of(List.of(info))).isEqualTo(Verdict.PASS);
        assertThat(Verdict.of(List.of(info, warn))).isEqualTo(Verdict.WARN);
        assertThat(Verdict.of(List.of(warn, err, info))).isEqualTo(Verdict.ERROR);
    }
}
