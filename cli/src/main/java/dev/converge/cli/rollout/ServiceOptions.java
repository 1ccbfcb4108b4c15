package dev.converge.cli.rollout;

import picocli.CommandLine.Option;

/** Where rollout-service is and the token to call it with (flags, else environment variables). */
public final class ServiceOptions {
    /** The environment; tests replace it. */
    static java.util.function.Function<String, String> env = System::getenv;

    @Option(names = "--rollout-url", paramLabel = "URL",
            description = "rollout-service base URL (default: $CONVERGE_ROLLOUT_URL, else http://localhost:8084)")
    String rolloutUrl;

    @Option(names = "--token", paramLabel = "TOKEN", description = "API token (default: $CONVERGE_TOKEN)")
    String token;

    String rolloutUrl() {
        return firstOf(rolloutUrl, env.apply("CONVERGE_ROLLOUT_URL"), "http://localhost:8084");
    }

    String token(picocli.CommandLine cli) {
        String t = firstOf(token, env.apply("CONVERGE_TOKEN"), null);
        if (t == null) {
            throw new picocli.CommandLine.ParameterException(cli, "no API token: pass --token or set CONVERGE_TOKEN");
        }
        return t;
    }

    ServiceClient rollouts(picocli.CommandLine cli) {
        return new ServiceClient(rolloutUrl(), token(cli));
    }

    static String firstOf(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        if (b != null && !b.isBlank()) {
            return b.trim();
        }
        return fallback;
    }
}
