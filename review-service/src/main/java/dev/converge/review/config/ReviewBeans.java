package dev.converge.review.config;

import dev.converge.common.config.ConfigException;
import dev.converge.review.ai.AiCache;
import dev.converge.review.ai.AiReviewer;
import dev.converge.review.ai.AiSettings;
import dev.converge.review.rules.RuleConfigs;
import dev.converge.review.rules.RuleEngine;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The review's framework-free parts as beans: the rule engine, the rule settings and the AI reviewer, built from
 * {@code converge.review.*} properties. Bad settings stop the service at start with one line, like the rest of
 * the Converge configuration.
 */
@Singleton
public class ReviewBeans {
    private static final Logger LOG = Logger.getLogger(ReviewBeans.class);

    @Produces
    @Singleton
    RuleEngine ruleEngine() {
        return RuleEngine.standard();
    }

    @Produces
    @Singleton
    RuleConfigs ruleConfigs(Config config, RuleEngine engine) {
        return validated(() -> RuleConfigs.fromProperties(reviewProperties(config), engine.ruleIds()));
    }

    @Produces
    @Singleton
    AiSettings aiSettings(Config config) {
        return validated(() -> AiSettings.fromProperties(reviewProperties(config)));
    }

    @Produces
    @Singleton
    AiReviewer aiReviewer(AiSettings settings, AiCache cache) {
        ChatModel model = settings.enabled() ? chatModel(settings) : null;
        LOG.infof("AI review: %s", settings.enabled() ? settings : "no provider configured, reviews carry a notice");
        return new AiReviewer(settings, model, cache);
    }

    /**
     * Every provider through its OpenAI-compatible chat-completions endpoint, with quarkus-langchain4j's OpenAI
     * client. Azure OpenAI takes its key in an {@code api-key} header.
     */
    static ChatModel chatModel(AiSettings s) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(s.baseUrl())
                .modelName(s.model())
                // the reviewer's own deadline (AiSettings.timeout) decides; the client's is a backstop behind it
                .timeout(s.timeout().plusSeconds(5))
                .maxRetries(0)
                .temperature(0.0);
        if (s.provider() == AiSettings.Provider.AZURE_OPENAI) {
            builder.apiKey("unused").customHeaders(Map.of("api-key", s.apiKey() == null ? "" : s.apiKey()));
        } else {
            builder.apiKey(s.apiKey() == null ? "none" : s.apiKey());
        }
        return builder.build();
    }

    /** Resolves the beans at start so bad settings stop the service before it consumes anything. */
    void validateAtStartup(@Observes @Priority(2) StartupEvent startup, RuleConfigs rules, AiReviewer ai) {
        rules.resolve("", "");
    }

    static Map<String, String> reviewProperties(Config config) {
        Map<String, String> properties = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(RuleConfigs.PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        return properties;
    }

    private static <T> T validated(Supplier<T> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            throw new PreventFurtherStepsException("review-service: invalid configuration: " + e.getMessage(), 2);
        }
    }
}
