package dev.converge.review.rules;

import static dev.converge.review.rules.Scenario.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.events.Finding;
import dev.converge.common.events.Severity;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.Verdict;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static final String TABLE = "CREATE TABLE public.import_row (id bigint PRIMARY KEY, seen timestamp)";

    @Test
    void suppressionDirectlyAboveAStatementCoversItsTableAndIsReportedAsInfo() {
        RuleReview review = plan(TABLE).file("schemas/import.sql",
                "-- converge:ignore column.timestamp-without-tz legacy import format\n" + TABLE + ";\n"
                        + "COMMENT ON TABLE import_row IS 'x';\n").review();

        assertThat(review.findings()).extracting(Finding::ruleId).doesNotContain("column.timestamp-without-tz");
        Finding info = review.findings().stream().filter(f -> f.ruleId().equals(RuleEngine.SUPPRESSED)).findFirst().orElseThrow();
        assertThat(info.severity()).isEqualTo(Severity.INFO);
        assertThat(info.message()).contains("column.timestamp-without-tz", "public.import_row", "1 finding",
                "legacy import format");
        assertThat(info.location()).isEqualTo(new SourceLocation("schemas/import.sql", 1, 1));
        assertThat(review.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void suppressionInsideAStatementCoversItsTable() {
        RuleReview review = plan(TABLE).file("schemas/import.sql",
                "CREATE TABLE public.import_row (\n  id bigint PRIMARY KEY,\n"
                        + "  seen timestamp -- converge:ignore column.timestamp-without-tz producer sends local time\n);\n"
                        + "COMMENT ON TABLE import_row IS 'x';\n").review();
        assertThat(review.findings()).extracting(Finding::ruleId)
                .doesNotContain("column.timestamp-without-tz").contains(RuleEngine.SUPPRESSED);
    }

    @Test
    void suppressionAboveAnotherTableDoesNotCoverThisOne() {
        RuleReview review = plan(TABLE).file("schemas/import.sql",
                "-- converge:ignore column.timestamp-without-tz only for the other table\n"
                        + "CREATE TABLE other (id bigint PRIMARY KEY, t timestamp);\n" + TABLE + ";\n").review();
        assertThat(review.findings()).extracting(Finding::ruleId).contains("column.timestamp-without-tz");
        assertThat(review.findings()).filteredOn(f -> f.ruleId().equals(RuleEngine.SUPPRESSED))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("(0 finding(s))"));
    }

    @Test
    void freeStandingSuppressionCoversTheWholePlanSoADropCanBeAccepted() {
        RuleReview review = plan("DROP TABLE public.legacy").file("schemas/app.sql",
                "-- converge:ignore destructive.drop-table archived to cold storage (TICKET-42)\n\n"
                        + "CREATE TABLE kept (id bigint PRIMARY KEY);\n").review();
        assertThat(review.findings()).extracting(Finding::ruleId).doesNotContain("destructive.drop-table");
        assertThat(review.findings()).filteredOn(f -> f.ruleId().equals(RuleEngine.SUPPRESSED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the whole plan", "TICKET-42"));
    }

    @Test
    void suppressionWithoutReasonSuppressesNothingAndWarns() {
        RuleReview review = plan("DROP TABLE public.legacy").file("schemas/app.sql",
                "-- converge:ignore destructive.drop-table\n").review();
        assertThat(review.findings()).extracting(Finding::ruleId)
                .contains("destructive.drop-table", RuleEngine.SUPPRESSION_INVALID);
    }

    @Test
    void suppressionOfUnknownRuleWarns() {
        RuleReview review = plan("DROP TABLE public.legacy").file("schemas/app.sql",
                "-- converge:ignore destructive.drop-everything because\n").review();
        assertThat(review.findings()).filteredOn(f -> f.ruleId().equals(RuleEngine.SUPPRESSION_INVALID)).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("destructive.drop-everything");
                });
    }

    @Test
    void mentionOfTheMarkerOutsideACommentIsNoSuppression() {
        // the marker must be a comment: text in a string literal is not a suppression
        RuleReview review = plan("DROP TABLE public.legacy").file("schemas/app.sql",
                "COMMENT ON TABLE kept IS 'see converge:ignore docs';\n").review();
        assertThat(review.findings()).extracting(Finding::ruleId).contains("destructive.drop-table")
                .doesNotContain(RuleEngine.SUPPRESSED);
    }
}
