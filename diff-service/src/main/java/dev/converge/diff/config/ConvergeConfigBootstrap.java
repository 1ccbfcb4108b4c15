package dev.converge.diff.config;

import dev.converge.common.config.ConfigException;
import dev.converge.common.config.ConvergeConfig;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * Builds the validated {@link ConvergeConfig} from every {@code converge.*} property (application.properties,
 * system properties, environment) and makes it injectable. Invalid configuration stops the service at start with
 * one line naming the problem and exit code 2, instead of a stack trace.
 */
@Singleton
public class ConvergeConfigBootstrap {
    static final int EXIT_BAD_CONFIG = 2;

    @Produces
    @Singleton
    ConvergeConfig convergeConfig(Config config) {
        try {
            return ConvergeConfig.fromProperties(convergeProperties(config));
        } catch (ConfigException e) {
            // Quarkus prints only the message of this exception (no stack trace) and exits with its code.
            throw new PreventFurtherStepsException("diff-service: invalid configuration: " + e.getMessage(), EXIT_BAD_CONFIG);
        }
    }

    /** Validates eagerly, before the service reports ready or consumes anything. */
    void validateAtStartup(@Observes @Priority(1) StartupEvent startup, ConvergeConfig config) {
        config.instances(); // resolving the bean is the validation
    }

    static Map<String, String> convergeProperties(Config config) {
        Map<String, String> properties = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ConvergeConfig.PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        return properties;
    }
}
