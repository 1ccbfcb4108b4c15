package dev.converge.rollout.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the dashboard's JavaScript unit tests ({@code src/test/js/*.test.mjs}: SQL highlighter, SSE client) with
 * the machine's Node.js test runner, so that they fail the Maven build like any other test.
 */
class DashboardScriptsTest {

    @Test
    void dashboardScriptUnitTestsPass() throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "src/test/js/")
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node --test finished").isTrue();
        assertThat(node.exitValue()).as("node --test output:%n%s", output).isZero();
        assertThat(output).contains("fail 0");
    }
}
