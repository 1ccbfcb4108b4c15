package dev.converge.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.devstack.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevLauncherTest {
    private static final PostgresServer PG = new PostgresServer("127.0.0.1", 5432, "postgres", "pw",
            PostgresServer.Origin.LOCAL_5432);

    @TempDir
    Path dir;

    @Test
    void withoutAConfigurationTheDemoTopologyAndSystemDatabaseAreUsed() {
        DevLauncher launcher = new DevLauncher(dir);
        Map<String, String> p = launcher.serviceProperties("127.0.0.1:9092", PG);

        assertThat(launcher.systemDatabase()).isEqualTo("converge");
        assertThat(p).containsEntry("converge.db.name", "converge")
                .containsEntry("converge.projects.hr.environments.test.targets", "demo/hr_test")
                .containsEntry("converge.instances.demo.password", "pw")
                .containsKey("converge.auth.accounts.demo.token-sha256");
    }

    @Test
    void aConfigurationFileReplacesTheDemoTopologyAndNamesTheSystemDatabase() throws IOException {
        Path file = dir.resolve("bench.properties");
        Files.writeString(file, """
                # a benchmark topology
                converge.db.name=sb_converge
                converge.instances.local.host=127.0.0.1
                converge.projects.sbcheck.environments.bench.targets=local/sb_a,local/sb_b
                converge.environments.bench.policy = automatic
                """);
        DevLauncher launcher = new DevLauncher(dir, dir.resolve("state"), DevLauncher.loadTopology(file));
        Map<String, String> p = launcher.serviceProperties("127.0.0.1:9092", PG);

        assertThat(launcher.systemDatabase()).isEqualTo("sb_converge");
        assertThat(p).containsEntry("converge.db.name", "sb_converge")
                .containsEntry("kafka.bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("converge.db.password", "pw")
                .containsEntry("converge.environments.bench.policy", "automatic")
                .containsEntry("converge.projects.sbcheck.environments.bench.targets", "local/sb_a,local/sb_b");
        assertThat(p.keySet()).noneMatch(k -> k.contains(".hr.") || k.contains(".demo.") || k.startsWith("converge.dev."));
    }

    @Test
    void aMissingConfigurationFileIsOneLineNamingIt() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> DevLauncher.loadTopology(missing))
                .hasMessageStartingWith("cannot read configuration " + missing)
                .hasMessageNotContaining("\n");
    }
}
