package dev.converge.review.ai;

import dev.converge.common.config.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the AI review reaches a model, from {@code converge.review.ai.*} properties:
 *
 * <pre>
 * converge.review.ai.provider=openai            none (default) | openai | azure-openai | anthropic | gemini | ollama | openai-compatible
 * converge.review.ai.base-url=...               required for azure-openai and openai-compatible; defaults for the others
 * converge.review.ai.api-key=...                sent as bearer token (as api-key header for azure-openai)
 * converge.review.ai.model=gpt-4o-mini
 * converge.review.ai.timeout-ms=20000
 * converge.review.ai.redact-literals=true       string literals and dollar-quoted bodies are replaced before sending
 * converge.review.ai.on-failure=open            open: review completes with a notice; closed: an ERROR finding
 * converge.review.ai.environments.prod.on-failure=closed
 * </pre>
 * All providers are spoken to through their OpenAI-compatible chat-completions endpoint with the LangChain4j
 * OpenAI client of quarkus-langchain4j.
 */
public record AiSettings(Provider provider, String baseUrl, String apiKey, String model, Duration timeout,
                         boolean redactLiterals, FailurePolicy defaultPolicy, Map<String, FailurePolicy> policies) {
    public static final String PREFIX = "converge.review.ai.";

    /** A model provider and its default endpoint. */
    public enum Provider {
        NONE(null), OPENAI("https://api.openai.com/v1"), AZURE_OPENAI(null), ANTHROPIC("https://api.anthropic.com/v1"),
        GEMINI("https://generativelanguage.googleapis.com/v1beta/openai"), OLLAMA("http://localhost:11434/v1"),
        OPENAI_COMPATIBLE(null);

        final String defaultBaseUrl;

        Provider(String defaultBaseUrl) {
            this.defaultBaseUrl = defaultBaseUrl;
        }

        static Provider parse(String text) {
            return Provider.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** What a failed AI review (timeout, error, malformed answer) does to the verdict. */
    public enum FailurePolicy {
        /** The review completes on the rules alone, with a visible "AI review unavailable" notice. */
        OPEN,
        /** The review gets an ERROR finding, so the verdict is ERROR. */
        CLOSED
    }

    public AiSettings {
        policies = Map.copyOf(policies);
    }

    public static AiSettings none() {
        return new AiSettings(Provider.NONE, null, null, null, Duration.ofSeconds(20), true, FailurePolicy.OPEN, Map.of());
    }

    public boolean enabled() {
        return provider != Provider.NONE;
    }

    public FailurePolicy policyFor(String environment) {
        return environment == null ? defaultPolicy : policies.getOrDefault(environment, defaultPolicy);
    }

    /** Parses and validates; a bad value gives a one-line {@link ConfigException} naming the property. */
    public static AiSettings fromProperties(Map<String, String> properties) {
        Map<String, String> p = new HashMap<>();
        Map<String, FailurePolicy> policies = new HashMap<>();
        Set<String> known = Set.of("provider", "base-url", "api-key", "model", "timeout-ms", "redact-literals", "on-failure");
        properties.forEach((k, v) -> {
            if (!k.startsWith(PREFIX)) {
                return;
            }
            String rest = k.substring(PREFIX.length());
            if (rest.startsWith("environments.") && rest.endsWith(".on-failure")) {
                String env = rest.substring("environments.".length(), rest.length() - ".on-failure".length());
                policies.put(env, policy(k, v));
            } else if (known.contains(rest)) {
                p.put(rest, v.trim());
            } else {
                throw new ConfigException(k + ": unknown AI review setting (known: " + known
                        + ", environments.<env>.on-failure)");
            }
        });
        Provider provider;
        try {
            provider = Provider.parse(p.getOrDefault("provider", "none"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(PREFIX + "provider: '" + p.get("provider") + "' is not one of none, openai, "
                    + "azure-openai, anthropic, gemini, ollama, openai-compatible");
        }
        String baseUrl = p.getOrDefault("base-url", provider.defaultBaseUrl);
        if (provider != Provider.NONE && (baseUrl == null || baseUrl.isBlank())) {
            throw new ConfigException(PREFIX + "base-url: required for provider " + p.get("provider"));
        }
        String model = p.get("model");
        if (provider != Provider.NONE && (model == null || model.isBlank())) {
            throw new ConfigException(PREFIX + "model: required when a provider is configured");
        }
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(p.getOrDefault("timeout-ms", "20000"));
        } catch (NumberFormatException e) {
            throw new ConfigException(PREFIX + "timeout-ms: '" + p.get("timeout-ms") + "' is not a number of milliseconds");
        }
        if (timeoutMs <= 0) {
            throw new ConfigException(PREFIX + "timeout-ms: must be positive");
        }
        FailurePolicy defaultPolicy = p.containsKey("on-failure") ? policy(PREFIX + "on-failure", p.get("on-failure"))
                : FailurePolicy.OPEN;
        return new AiSettings(provider, baseUrl, p.get("api-key"), model, Duration.ofMillis(timeoutMs),
                !"false".equalsIgnoreCase(p.getOrDefault("redact-literals", "true")), defaultPolicy, policies);
    }

    private static FailurePolicy policy(String key, String value) {
        try {
            return FailurePolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": '" + value + "' is neither open nor closed");
        }
    }

    @Override
    public String toString() {
        // never print the API key
        return "AiSettings[" + provider + " " + baseUrl + " model=" + model + " timeout=" + timeout + "]";
    }
}
