package dev.converge.ingest.config;

import dev.converge.common.auth.ServiceAccounts;
import dev.converge.common.config.ConvergeConfig;
import dev.converge.ingest.service.IngestLimits;
import dev.converge.ingest.service.StateFileRules;
import dev.converge.ingest.service.SubmissionValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wires the framework-free pieces (accounts, validator) from configuration. */
@ApplicationScoped
public class IngestBeans {

    @Produces
    @ApplicationScoped
    ServiceAccounts serviceAccounts(Config config) {
        return ServiceAccounts.fromProperties(properties(config, ServiceAccounts.PREFIX));
    }

    @Produces
    @ApplicationScoped
    SubmissionValidator submissionValidator(ConvergeConfig convergeConfig, IngestConfig ingest, StateFileRules rules) {
        IngestConfig.Limits l = ingest.limits();
        return new SubmissionValidator(convergeConfig, new IngestLimits(l.maxFiles(), l.maxTotalBytes(), l.maxCustomRulesBytes()), rules);
    }

    @Produces
    @ApplicationScoped
    StateFileRules stateFileRules() {
        // TODO(engine-source): replace with the engine's StateFileValidator once it is on main.
        return (path, content) -> List.of();
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
