package dev.converge.ingest.config;

import dev.converge.common.auth.ServiceAccounts;
import dev.converge.common.config.ConfigException;
import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.events.SourceLocation;
import dev.converge.engine.EngineException;
import dev.converge.engine.source.StatementSplitter;
import dev.converge.engine.source.StateFileValidator;
import dev.converge.ingest.service.IngestLimits;
import dev.converge.ingest.service.StateFileRules;
import dev.converge.ingest.service.SubmissionValidator;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wires the framework-free pieces (validator) from configuration; the accounts come from the shared ConvergeConfigBootstrap. */
@ApplicationScoped
public class IngestBeans {
    private static final Logger LOG = Logger.getLogger(IngestBeans.class);

    /** Bad account settings stop the service at start with one line, like the rest of the configuration. */
    void validateAccountsAtStartup(@Observes @Priority(2) StartupEvent startup, Config config) {
        try {
            ServiceAccounts accounts = ServiceAccounts.fromProperties(properties(config, ServiceAccounts.PREFIX));
            if (accounts.size() == 0) {
                LOG.warn("no service accounts configured (converge.auth.accounts.<name>.token-sha256/.roles): "
                        + "every /v1 call will be refused with 401");
            }
        } catch (ConfigException e) {
            String line = "ingest-service: invalid configuration: " + e.getMessage();
            LOG.error(line);
            Quarkus.asyncExit(2);
            throw new PreventFurtherStepsException(line, 2);
        }
    }

    @Produces
    @ApplicationScoped
    SubmissionValidator submissionValidator(ConvergeConfig convergeConfig, IngestConfig ingest, StateFileRules rules) {
        IngestConfig.Limits l = ingest.limits();
        return new SubmissionValidator(convergeConfig, new IngestLimits(l.maxFiles(), l.maxTotalBytes(), l.maxCustomRulesBytes()), rules);
    }

    /** The engine's state-file allowlist, so ingest refuses exactly what the planner would refuse. */
    @Produces
    @ApplicationScoped
    StateFileRules stateFileRules() {
        StateFileValidator validator = new StateFileValidator();
        return (path, content) -> {
            try {
                return validator.validate(StatementSplitter.split(path, content)).violations().stream()
                        .map(v -> new StateFileRules.Violation(new SourceLocation(v.file(), v.line(), v.column()), v.message()))
                        .toList();
            } catch (EngineException e) {
                // e.g. an unterminated quote or dollar quote: the splitter names where it starts
                return List.of(new StateFileRules.Violation(e.location().orElse(new SourceLocation(path, 0, 0)),
                        e.getMessage()));
            }
        };
    }

    static Map<String, String> properties(Config config, String prefix) {
        Map<String, String> out = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> out.put(name, v));
            }
        }
        return out;
    }
}
