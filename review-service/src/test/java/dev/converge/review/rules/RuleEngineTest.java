package dev.converge.review.rules;

import static dev.converge.review.rules.Scenario.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.events.Finding;
import dev.converge.common.events.Severity;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static final String FAKE_TABLE = "CREATE TABLE \"public\".\"fakeTable\" (\n"
            + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    name text NOT NULL\n)";

    @Test
    void seedScenarioCamelCaseTableIsANamingWarningPointingAtTheStateFile() {
        RuleReview review = plan(FAKE_TABLE)
                .file("schemas/app.sql", "-- app tables\n\n" + FAKE_TABLE + ";\nCOMMENT ON TABLE \"fakeTable\" IS 'x';\n")
                .review();

        Finding naming = review.findings().stream().filter(f -> f.ruleId().equals("naming.table-snake-case"))
                .findFirst().orElseThrow();
        assertThat(naming.statementIndex()).isZero();
        assertThat(naming.severity()).isEqualTo(Severity.WARNING);
        assertThat(naming.message()).contains("fakeTable");
        assertThat(naming.suggestion()).contains("fake_table");
        assertThat(naming.location()).isEqualTo(new SourceLocation("schemas/app.sql", 3, 0));
        assertThat(review.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void seedScenarioSnakeCaseTablePasses() {
        String sql = FAKE_TABLE.replace("fakeTable", "fake_table");
        RuleReview review = plan(sql).file("schemas/app.sql", sql + ";\nCOMMENT ON TABLE fake_table IS 'x';\n").review();
        assertThat(review.findings()).isEmpty();
        assertThat(review.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void verdictIsErrorWhenAnErrorRuleFires() {
        RuleReview review = plan("DROP TABLE public.legacy").review();
        assertThat(review.verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void emptyPlanPasses() {
        RuleReview review = plan().review();
        assertThat(review.findings()).isEmpty();
        assertThat(review.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void dataChecksWithoutTargetConnectionSaySoInsteadOfGuessing() {
        RuleReview review = plan("ALTER TABLE public.t ALTER COLUMN a SET NOT NULL").review();
        assertThat(review.findings()).extracting(Finding::ruleId).doesNotContain("data.not-null-violations");
        assertThat(review.notices()).anyMatch(n -> n.startsWith("data.not-null-violations") && n.contains("no connection"));
    }

    @Test
    void failingTargetQueryBecomesANoticeAndTheOtherRulesStillRun() {
        // targetColumn() enables a probe but sets no count: the count query throws
        RuleReview review = plan("ALTER TABLE public.t ALTER COLUMN a SET NOT NULL").targetColumn("t.x", "integer").review();
        assertThat(review.notices()).anyMatch(n -> n.contains("did not finish"));
        assertThat(review.findings()).extracting(Finding::ruleId).contains("locking.set-not-null");
    }

    @Test
    void notNullPreCheckCountsNullsOfThatColumnOnThatTable() {
        Scenario s = plan("ALTER TABLE public.t ALTER COLUMN \"Amount\" SET NOT NULL").targetCount(7);
        List<Finding> findings = s.findings("data.not-null-violations");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).startsWith("7 row(s) of public.t"));
        assertThat(s.probeQueries).contains("SELECT count(*) FROM \"public\".\"t\" WHERE \"Amount\" IS NULL");
    }

    @Test
    void preChecksSkipTablesThePlanCreates() {
        Scenario s = plan("CREATE TABLE public.n (id bigint PRIMARY KEY, a int)",
                "ALTER TABLE public.n ADD CONSTRAINT n_a_check CHECK (a > 0)").targetCount(9);
        assertThat(s.findings("data.check-violations")).isEmpty();
        assertThat(s.probeQueries).isEmpty();
    }

    @Test
    void disabledRuleDoesNotRunAndSeverityOverrideApplies() {
        RuleConfigs configs = RuleConfigs.fromProperties(Map.of(
                "converge.review.rules.destructive.drop-table.enabled", "false",
                "converge.review.rules.compat.drop-view.severity", "ERROR"), RuleEngine.standard().ruleIds());
        RuleReview review = plan("DROP TABLE public.legacy", "DROP VIEW public.v")
                .config(configs.resolve("hr", "test")).review();
        assertThat(review.findings()).extracting(Finding::ruleId).doesNotContain("destructive.drop-table");
        assertThat(review.findings()).filteredOn(f -> f.ruleId().equals("compat.drop-view"))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void configuredNamingPatternReplacesSnakeCase() {
        RuleConfigs configs = RuleConfigs.fromProperties(Map.of("converge.review.naming.index", "^idx_[a-z0-9_]+$"),
                RuleEngine.standard().ruleIds());
        Scenario bad = plan("CREATE INDEX CONCURRENTLY t_a_idx ON public.t (a)").config(configs.resolve("hr", "test"));
        Scenario good = plan("CREATE INDEX CONCURRENTLY idx_t_a ON public.t (a)").config(configs.resolve("hr", "test"));
        assertThat(bad.findings("naming.index-pattern")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("^idx_[a-z0-9_]+$"));
        assertThat(good.findings("naming.index-pattern")).isEmpty();
    }

    @Test
    void findingsAreOrderedByStatement() {
        RuleReview review = plan("ALTER TABLE public.t ADD COLUMN \"B\" integer", "DROP TABLE public.legacy").review();
        assertThat(review.findings()).extracting(Finding::statementIndex).isSorted();
    }
}
