package dev.converge.review.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.common.config.ConfigException;
import dev.converge.common.events.Severity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleConfigsTest {
    private static final Set<String> IDS = RuleEngine.standard().ruleIds();

    @Test
    void layersApplyGlobalThenEnvironmentThenProjectThenProjectEnvironment() {
        RuleConfigs configs = RuleConfigs.fromProperties(Map.of(
                "converge.review.rules.compat.rename-column.severity", "INFO",
                "converge.review.environments.prod.rules.compat.rename-column.severity", "WARNING",
                "converge.review.projects.hr.rules.compat.rename-column.severity", "ERROR",
                "converge.review.projects.hr.environments.test.rules.compat.rename-column.enabled", "false",
                "converge.review.projects.hr.naming.table", "^tbl_[a-z_]+$",
                "converge.review.projects.hr.environments.prod.data-checks.timeout-ms", "1500",
                "converge.review.ai.provider", "openai"), IDS);

        Rule rename = RuleEngine.standard().rules().stream().filter(r -> r.id().equals("compat.rename-column")).findFirst().orElseThrow();
        assertThat(configs.resolve("billing", "test").severityOf(rename)).isEqualTo(Severity.INFO);
        assertThat(configs.resolve("billing", "prod").severityOf(rename)).isEqualTo(Severity.WARNING);
        assertThat(configs.resolve("hr", "prod").severityOf(rename)).isEqualTo(Severity.ERROR);
        assertThat(configs.resolve("hr", "test").isEnabled("compat.rename-column")).isFalse();
        assertThat(configs.resolve("hr", "prod").isEnabled("compat.rename-column")).isTrue();
        assertThat(configs.resolve("hr", "test").naming().table().pattern()).isEqualTo("^tbl_[a-z_]+$");
        assertThat(configs.resolve("billing", "test").naming().table().pattern()).isEqualTo(NamingPatterns.SNAKE_CASE);
        assertThat(configs.resolve("hr", "prod").dataCheckTimeoutMs()).isEqualTo(1500);
        assertThat(configs.resolve("hr", "test").dataCheckTimeoutMs()).isEqualTo(RuleConfig.DEFAULT_DATA_CHECK_TIMEOUT_MS);
    }

    @Test
    void unknownRuleIdIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> RuleConfigs.fromProperties(Map.of("converge.review.rules.naming.nope.enabled", "false"), IDS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("converge.review.rules.naming.nope.enabled: unknown rule 'naming.nope' (see docs/rules.md for the rule ids)");
    }

    @Test
    void badSeverityBadRegexAndUnknownSettingAreRejected() {
        assertThatThrownBy(() -> RuleConfigs.fromProperties(
                Map.of("converge.review.rules.destructive.drop-table.severity", "FATAL"), IDS))
                .hasMessageContaining("'FATAL' is not a severity");
        assertThatThrownBy(() -> RuleConfigs.fromProperties(Map.of("converge.review.naming.column", "[a-z"), IDS))
                .hasMessageStartingWith("converge.review.naming.column: '[a-z' is not a valid regular expression");
        assertThatThrownBy(() -> RuleConfigs.fromProperties(Map.of("converge.review.projects.hr.colour", "red"), IDS))
                .hasMessageStartingWith("converge.review.projects.hr.colour: unknown review setting");
        assertThatThrownBy(() -> RuleConfigs.fromProperties(
                Map.of("converge.review.rules.destructive.drop-table.enabled", "maybe"), IDS))
                .hasMessageContaining("'maybe' is neither true nor false");
    }

    @Test
    void withoutPropertiesEveryRuleRunsWithItsDefault() {
        RuleConfig config = RuleConfigs.defaults().resolve("hr", "prod");
        assertThat(config.enabled()).isEmpty();
        assertThat(config.severities()).isEmpty();
        assertThat(config.dataChecks()).isTrue();
    }
}
