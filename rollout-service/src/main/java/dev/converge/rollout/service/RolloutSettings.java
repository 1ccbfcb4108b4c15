package dev.converge.rollout.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * {@code converge.rollout.*}: how rollouts run.
 *
 * <pre>
 * converge.rollout.parallelism=4                       targets applied at once per stage
 * converge.rollout.lock-retries=3                      retries of a group after a lock timeout (SQLSTATE 55P03)
 * converge.rollout.lock-retry-backoff-ms=1000
 * converge.rollout.tick-ms=500                         how often the scheduler looks for work
 * converge.rollout.environments.prod.block-on=WARNING  ERROR (default) | WARNING | NEVER
 * converge.rollout.webhooks.hr.url=https://…           optional, per project
 * converge.rollout.webhooks.hr.secret=…                HMAC-SHA256 key for the X-Converge-Signature header
 * </pre>
 */
@ConfigMapping(prefix = "converge.rollout")
public interface RolloutSettings {
    @WithDefault("4")
    int parallelism();

    @WithDefault("3")
    int lockRetries();

    @WithDefault("1000")
    long lockRetryBackoffMs();

    @WithDefault("500")
    long tickMs();

    Map<String, EnvironmentSettings> environments();

    Map<String, Webhook> webhooks();

    interface EnvironmentSettings {
        @WithDefault("ERROR")
        String blockOn();
    }

    interface Webhook {
        String url();

        String secret();
    }

    default BlockOn blockOn(String environment) {
        EnvironmentSettings s = environments().get(environment);
        return s == null ? BlockOn.ERROR
                : BlockOn.parse("converge.rollout.environments." + environment + ".block-on", s.blockOn());
    }
}
