package dev.converge.review.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.common.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiSettingsTest {
    @Test
    void noProviderMeansDisabled() {
        assertThat(AiSettings.fromProperties(Map.of()).enabled()).isFalse();
    }

    @Test
    void readsProviderEndpointTimeoutAndPerEnvironmentPolicy() {
        AiSettings s = AiSettings.fromProperties(Map.of(
                "converge.review.ai.provider", "ollama",
                "converge.review.ai.model", "llama3.1",
                "converge.review.ai.timeout-ms", "1500",
                "converge.review.ai.environments.prod.on-failure", "closed"));
        assertThat(s.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.policyFor("prod")).isEqualTo(AiSettings.FailurePolicy.CLOSED);
        assertThat(s.policyFor("test")).isEqualTo(AiSettings.FailurePolicy.OPEN);
        assertThat(s.redactLiterals()).isTrue();
    }

    @Test
    void badValuesNameTheProperty() {
        assertThatThrownBy(() -> AiSettings.fromProperties(Map.of("converge.review.ai.provider", "skynet")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("converge.review.ai.provider: 'skynet'");
        assertThatThrownBy(() -> AiSettings.fromProperties(Map.of("converge.review.ai.provider", "openai-compatible",
                "converge.review.ai.model", "m"))).hasMessageStartingWith("converge.review.ai.base-url: required");
        assertThatThrownBy(() -> AiSettings.fromProperties(Map.of("converge.review.ai.provider", "openai")))
                .hasMessageStartingWith("converge.review.ai.model: required");
        assertThatThrownBy(() -> AiSettings.fromProperties(Map.of("converge.review.ai.on-failure", "maybe")))
                .hasMessageContaining("neither open nor closed");
    }

    @Test
    void apiKeyIsNeverPrinted() {
        AiSettings s = AiSettings.fromProperties(Map.of("converge.review.ai.provider", "openai",
                "converge.review.ai.model", "gpt-4o-mini", "converge.review.ai.api-key", "sk-very-secret"));
        assertThat(s.toString()).doesNotContain("sk-very-secret");
    }
}
