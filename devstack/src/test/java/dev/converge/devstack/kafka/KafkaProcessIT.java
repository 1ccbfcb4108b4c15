package dev.converge.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.Topics;
import dev.converge.devstack.process.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProcessIT {
    @TempDir
    Path workDir;

    @Test
    void runsAsItsOwnProcessAndSurvivesARestartWithItsData() {
        try (KafkaProcess kafka = KafkaProcess.create(workDir, 0, 1)) {
            kafka.start();
            assertThat(kafka.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(Files.readString(workDir.resolve("server.properties"))).contains("process.roles=broker,controller");

            KafkaClients.send(kafka.bootstrapServers(), Topics.PLANS, "demo/hr_test", "before-restart");

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(FreePorts.answers("127.0.0.1", kafka.port())).isFalse();

            kafka.start();
            KafkaClients.send(kafka.bootstrapServers(), Topics.PLANS, "demo/hr_test", "after-restart");
            var read = KafkaClients.readUntil(kafka.bootstrapServers(), Topics.PLANS, Duration.ofSeconds(45),
                    r -> "after-restart".equals(r.value()));
            assertThat(read).extracting(r -> r.value()).containsSubsequence("before-restart", "after-restart");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void keepsBrokerInfoLogsOutOfItsLogFile() throws Exception {
        try (KafkaProcess kafka = KafkaProcess.create(workDir, 0, 1)) {
            kafka.start();
            KafkaClients.send(kafka.bootstrapServers(), Topics.STATUS, "k", "v");
        }
        assertThat(Files.readString(workDir.resolve("kafka.log"))).doesNotContain(" INFO ");
    }
}
