package dev.converge.devstack.kafka;

import dev.converge.devstack.process.Deadline;
import dev.converge.devstack.process.FreePorts;
import dev.converge.devstack.process.Processes;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, combined broker+controller) as its own OS process ({@code kafka.Kafka}),
 * for multi-process runs ({@code bin/converge-dev}, system ITs). The work directory holds the generated
 * {@code server.properties}, the formatted storage and {@code kafka.log}; {@link #stop()} and {@link #start()} keep
 * both, so a restart comes back with the same topics, offsets and port.
 */
public final class KafkaProcess implements AutoCloseable {
    /** System property / environment variable naming the directory of the broker's jars ({@code devstack/target/lib}). */
    public static final String LIB_PROPERTY = "converge.devstack.lib";

    private final Path workDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final String classpath;
    private Process process;

    private KafkaProcess(Path workDir, int port, int controllerPort, int partitions, String classpath) {
        this.workDir = workDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
        this.classpath = classpath;
    }

    /** A broker on {@code port} (0 = a free port) keeping its files in {@code workDir}; not started yet. */
    public static KafkaProcess create(Path workDir, int port) {
        return new KafkaProcess(workDir.toAbsolutePath(), port == 0 ? FreePorts.next() : port, FreePorts.next(),
                KafkaTopics.configuredPartitions(), brokerClasspath());
    }

    public static KafkaProcess create(Path workDir, int port, int partitions) {
        return new KafkaProcess(workDir.toAbsolutePath(), port == 0 ? FreePorts.next() : port, FreePorts.next(),
                partitions, brokerClasspath());
    }

    /**
     * The broker's classpath: the jars in {@value #LIB_PROPERTY} (copied there by the devstack build) or, failing
     * that, this JVM's own classpath (which contains Kafka whenever devstack is a dependency).
     */
    static String brokerClasspath() {
        String lib = System.getProperty(LIB_PROPERTY, System.getenv("CONVERGE_DEVSTACK_LIB"));
        if (lib != null && Files.isDirectory(Path.of(lib))) {
            return Path.of(lib).toAbsolutePath() + File.separator + "*";
        }
        return System.getProperty("java.class.path");
    }

    public synchronized KafkaProcess start() {
        if (isRunning()) {
            return this;
        }
        if (FreePorts.answers("127.0.0.1", port)) {
            throw new IllegalStateException("cannot start Kafka: port " + port + " is already in use");
        }
        try {
            Files.createDirectories(workDir);
            Path config = writeServerProperties();
            if (!Files.exists(dataDir().resolve("meta.properties"))) {
                format(config);
            }
            ProcessBuilder pb = new ProcessBuilder(command("kafka.Kafka", config.toString()));
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka in " + workDir, e);
        }
        boolean up = Deadline.await(Duration.ofSeconds(90), Duration.ofMillis(250),
                () -> !process.isAlive() || (FreePorts.answers("127.0.0.1", port) && KafkaTopics.brokerAnswers(bootstrapServers())));
        if (!process.isAlive() || !up) {
            Processes.stop(process.toHandle(), 5);
            throw new IllegalStateException("Kafka did not come up on port " + port + " within 90 s; see " + logFile());
        }
        KafkaTopics.createAll(bootstrapServers(), partitions);
        return this;
    }

    /** Stops the broker (SIGTERM, then force after 30 s); its data stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (process != null) {
            Processes.stop(process.toHandle(), 30);
            process = null;
        }
    }

    public synchronized KafkaProcess restart() {
        stop();
        return start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    public Path logFile() {
        return workDir.resolve("kafka.log");
    }

    @Override
    public void close() {
        stop();
    }

    private Path dataDir() {
        return workDir.resolve("data");
    }

    private void format(Path config) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        ProcessBuilder pb = new ProcessBuilder(command("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                config.toString()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        Process formatter = pb.start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS)) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage timed out; see " + logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
        if (formatter.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit " + formatter.exitValue() + "); see "
                    + logFile());
        }
    }

    private List<String> command(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xms64m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // Broker INFO logging is very chatty; warnings and errors still reach kafka.log.
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dlog4j2.level=WARN",
                "-cp", classpath, mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Path writeServerProperties() throws IOException {
        String props = String.join("\n",
                "# Generated by Converge devstack: single-node KRaft broker for local runs.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir(),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=10485760",
                "");
        Path file = workDir.resolve("server.properties");
        Files.writeString(file, props);
        return file;
    }
}
