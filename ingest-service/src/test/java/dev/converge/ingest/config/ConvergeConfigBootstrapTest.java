package dev.converge.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.PreventFurtherStepsException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvergeConfigBootstrapTest {
    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void buildsTheConfigurationFromConvergePropertiesOnly() {
        var config = new ConvergeConfigBootstrap().convergeConfig(config(Map.of(
                "converge.instances.demo.host", "127.0.0.1",
                "converge.environments.test.policy", "automatic",
                "converge.projects.hr.environments.test.targets", "demo/hr_test",
                "converge.db.name", "converge",
                "quarkus.http.port", "1")));
        assertThat(config.project("hr").targets().get("test")).hasSize(1);
    }

    @Test
    void stopsStartupWithOneLineNamingTheProblem() {
        assertThatThrownBy(() -> new ConvergeConfigBootstrap().convergeConfig(config(Map.of(
                "converge.instances.demo.host", "127.0.0.1",
                "converge.environments.test.policy", "automatic",
                "converge.projects.hr.environments.test.targets", "ghost/hr_test"))))
                .isInstanceOf(PreventFurtherStepsException.class)
                .hasMessage("ingest-service: invalid configuration: converge.projects.hr.environments.test.targets: "
                        + "target 'ghost/hr_test' names unknown instance 'ghost'")
                .satisfies(e -> assertThat(((PreventFurtherStepsException) e).getExitCode()).isEqualTo(2));
    }
}
