package dev.converge.ingest.api;

import dev.converge.common.Hashing;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Service accounts, a project with two targets and small limits, so every refusal can be provoked cheaply. */
public class IngestTestProfile implements QuarkusTestProfile {
    static final String SUBMITTER = "submit-token";
    static final String VIEWER = "viewer-token";
    static final String CI = "ci-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("converge.auth.accounts.ci.token-sha256", Hashing.sha256Hex(CI)),
                Map.entry("converge.auth.accounts.ci.roles", "submitter,viewer"),
                Map.entry("converge.auth.accounts.bot.token-sha256", Hashing.sha256Hex(SUBMITTER)),
                Map.entry("converge.auth.accounts.bot.roles", "submitter"),
                Map.entry("converge.auth.accounts.dash.token-sha256", Hashing.sha256Hex(VIEWER)),
                Map.entry("converge.auth.accounts.dash.roles", "viewer"),
                Map.entry("converge.instances.demo.host", "127.0.0.1"),
                // never used to connect by ingest; NoSecretsLeakTest checks that it is never shown
                Map.entry("converge.instances.demo.password", "hd-fake-target-password-7f3a"),
                Map.entry("converge.environments.test.policy", "automatic"),
                Map.entry("converge.environments.prod.after", "test"),
                Map.entry("converge.environments.prod.policy", "approval"),
                Map.entry("converge.projects.hr.environments.test.targets", "demo/hr_test"),
                Map.entry("converge.projects.hr.environments.prod.targets", "demo/hr_prod"),
                Map.entry("converge.ingest.limits.max-files", "5"),
                Map.entry("converge.ingest.limits.max-total-bytes", "20000"),
                Map.entry("converge.ingest.outbox.interval", "1s"));
    }
}
