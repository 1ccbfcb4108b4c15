package dev.converge.common.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.common.config.ConfigException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bootstrap's own part; that a bad configuration really stops the process with one line is shown by SystemIT. */
class ConvergeConfigBootstrapTest {
    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void buildsTheConfigurationFromConvergePropertiesOnly() {
        var config = ConvergeConfigBootstrap.load(config(Map.of(
                "converge.instances.demo.host", "127.0.0.1",
                "converge.environments.test.policy", "automatic",
                "converge.projects.hr.environments.test.targets", "demo/hr_test",
                "converge.db.name", "converge",
                "quarkus.http.port", "1")));
        assertThat(config.project("hr").targets().get("test")).hasSize(1);
    }

    @Test
    void describesABadConfigurationInOneLineNamingServiceAndProperty() {
        assertThatThrownBy(() -> ConvergeConfigBootstrap.load(config(Map.of(
                "converge.instances.demo.host", "127.0.0.1",
                "converge.environments.test.policy", "automatic",
                "converge.projects.hr.environments.test.targets", "ghost/hr_test"))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(ConvergeConfigBootstrap.startupFailure("diff-service", e))
                        .isEqualTo("diff-service: invalid configuration: converge.projects.hr.environments.test.targets: "
                                + "target 'ghost/hr_test' names unknown instance 'ghost'")
                        .doesNotContain("\n"));
    }

    @Test
    void namesTheServiceByItsApplicationName() {
        assertThat(ConvergeConfigBootstrap.serviceName(config(Map.of("quarkus.application.name", "review-service"))))
                .isEqualTo("review-service");
        assertThat(ConvergeConfigBootstrap.serviceName(config(Map.of()))).isEqualTo("converge");
    }
}
