package dev.converge.review.rules;

import dev.converge.common.events.Severity;
import java.util.Map;

/**
 * The rule settings in force for one project and environment (see {@link RuleConfigs} for how they are read).
 *
 * @param enabled            per rule id: false disables it; rules not listed are enabled
 * @param severities         per rule id: severity overriding the rule's default
 * @param dataChecks         whether the data-aware pre-checks may query the target
 * @param dataCheckTimeoutMs statement timeout for each pre-check query
 */
public record RuleConfig(Map<String, Boolean> enabled, Map<String, Severity> severities, NamingPatterns naming,
                         boolean dataChecks, long dataCheckTimeoutMs) {
    public static final long DEFAULT_DATA_CHECK_TIMEOUT_MS = 5_000;

    public RuleConfig {
        enabled = Map.copyOf(enabled);
        severities = Map.copyOf(severities);
    }

    public static RuleConfig defaults() {
        return new RuleConfig(Map.of(), Map.of(), NamingPatterns.defaults(), true, DEFAULT_DATA_CHECK_TIMEOUT_MS);
    }

    public boolean isEnabled(String ruleId) {
        return enabled.getOrDefault(ruleId, true);
    }

    public Severity severityOf(Rule rule) {
        return severities.getOrDefault(rule.id(), rule.defaultSeverity());
    }
}
