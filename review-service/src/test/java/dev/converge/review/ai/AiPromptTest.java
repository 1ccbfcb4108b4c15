package dev.converge.review.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.StateFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiPromptTest {
    static PlanComputed plan(String target, String sql, String files, String rules) {
        return new PlanComputed("e-" + target, Instant.EPOCH, "s1", "hr", target, "test", Mode.CHECK, "b", "d", "p",
                List.of(new PlannedStatement(0, sql, List.of(), true, 3000, 60000)), List.of(), files,
                List.of(new StateFile("schemas/app.sql", files, null)), rules);
    }

    @Test
    void numbersStatementsAndIncludesOnlyTheTouchedPartOfTheSchema() {
        AiPrompt p = AiPrompt.of(plan("a/x", "CREATE TABLE \"public\".\"fakeTable\" (id bigint)",
                "CREATE TABLE \"fakeTable\" (id bigint);\nCREATE TABLE other (id bigint);\n", "All table names must be in snake_case"),
                "All table names must be in snake_case", "openai/gpt", true);
        assertThat(p.user()).contains("All table names must be in snake_case", "[0] CREATE TABLE \"public\".\"fakeTable\"",
                "-- schemas/app.sql:1").doesNotContain("other");
    }

    @Test
    void sameRulesSqlSchemaAndModelGiveTheSameKeyWhateverTheTarget() {
        String sql = "CREATE TABLE t (id bigint)";
        AiPrompt a = AiPrompt.of(plan("a/x", sql, "CREATE TABLE t (id bigint);", "r"), "r", "m", true);
        AiPrompt b = AiPrompt.of(plan("b/y", sql, "CREATE TABLE t (id bigint);", "r"), "r", "m", true);
        AiPrompt otherModel = AiPrompt.of(plan("a/x", sql, "CREATE TABLE t (id bigint);", "r"), "r", "m2", true);
        AiPrompt otherRules = AiPrompt.of(plan("a/x", sql, "CREATE TABLE t (id bigint);", "r2"), "r2", "m", true);
        assertThat(a.cacheKey()).isEqualTo(b.cacheKey()).isNotEqualTo(otherModel.cacheKey()).isNotEqualTo(otherRules.cacheKey());
    }

    @Test
    void literalsAreRedactedWhenAsked() {
        PlanComputed plan = plan("a/x", "ALTER TABLE t ADD COLUMN c text DEFAULT 'internal-host-42'", "", "r");
        assertThat(AiPrompt.of(plan, "r", "m", true).user()).doesNotContain("internal-host-42");
        assertThat(AiPrompt.of(plan, "r", "m", false).user()).contains("internal-host-42");
    }
}
