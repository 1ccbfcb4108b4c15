package dev.converge.common.service;

import dev.converge.common.auth.ServiceAccounts;
import dev.converge.common.config.ConfigException;
import dev.converge.common.config.ConvergeConfig;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Builds the validated {@link ConvergeConfig} from every {@code converge.*} property (application.properties,
 * system properties, environment) and makes it injectable. Invalid configuration stops the service at start with
 * one log line naming the problem and exit code 2, instead of a stack trace.
 */
@Singleton
public class ConvergeConfigBootstrap {
    public static final int EXIT_BAD_CONFIG = 2;
    private static final Logger LOG = Logger.getLogger(ConvergeConfigBootstrap.class);

    @Produces
    @Singleton
    ConvergeConfig convergeConfig(Config config) {
        return load(config);
    }

    /** The service accounts whose bearer tokens the API accepts ({@code converge.auth.accounts.*}). */
    @Produces
    @Singleton
    ServiceAccounts serviceAccounts(Config config) {
        return ServiceAccounts.fromProperties(convergeProperties(config));
    }

    /** Runs before the other startup observers, so nothing consumes or serves with a bad configuration. */
    void validateAtStartup(@Observes @Priority(1) StartupEvent startup, Config config) {
        try {
            load(config);
            ServiceAccounts.fromProperties(convergeProperties(config));
        } catch (ConfigException e) {
            String failure = startupFailure(serviceName(config), e);
            LOG.error(failure);
            // Request exit code 2, then stop the remaining startup steps; Quarkus swallows this exception quietly.
            Quarkus.asyncExit(EXIT_BAD_CONFIG);
            throw new PreventFurtherStepsException(failure, EXIT_BAD_CONFIG);
        }
    }

    /** Parses and validates; throws {@link ConfigException} naming the property on the first problem. */
    public static ConvergeConfig load(Config config) {
        return ConvergeConfig.fromProperties(convergeProperties(config));
    }

    /** The one line a bad configuration stops the service with, e.g. {@code diff-service: invalid configuration: …}. */
    public static String startupFailure(String service, ConfigException e) {
        return service + ": invalid configuration: " + e.getMessage();
    }

    /** The service's {@code quarkus.application.name} (each service's application.properties sets it). */
    static String serviceName(Config config) {
        return config.getOptionalValue("quarkus.application.name", String.class).orElse("converge");
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
