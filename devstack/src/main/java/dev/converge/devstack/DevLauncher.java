package dev.converge.devstack;

import dev.converge.common.Topics;
import dev.converge.devstack.kafka.KafkaProcess;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.devstack.process.Deadline;
import dev.converge.devstack.process.FreePorts;
import dev.converge.devstack.process.Processes;
import dev.converge.devstack.services.ConvergeService;
import dev.converge.devstack.services.ServiceProcess;
import dev.converge.devstack.services.ServiceProperties;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/converge-dev}: runs the whole system locally as processes. {@code up} starts Kafka, finds or starts
 * PostgreSQL, creates the system database and the demo targets, starts the four services, waits until all are
 * ready and then stays until interrupted, stopping everything it started. {@code down} stops a running {@code up}
 * (for example one started with {@code --detach}); {@code status} shows what runs.
 * State lives in {@code .converge-dev/} (pid file, ports, logs), or in {@code -Dconverge.dev.home}.
 * <p>
 * {@code -Dconverge.dev.config=<file>} (a properties file) replaces the demo topology: its entries are given to the
 * services as they are, its {@code converge.db.name} names the system database, and no demo database is created.
 * {@code bin/bench-system} uses this to run the system on its own project, targets and system database.
 */
public final class DevLauncher {
    static final String SYSTEM_DB = "converge";
    static final List<String> DEMO_DATABASES = List.of("hr_test", "hr_prod");
    static final int KAFKA_PORT = 9092;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Path root;
    private final Path state;
    private final Path logs;
    private final Map<String, String> topology;
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaProcess kafka;
    private PostgresServer postgres;

    DevLauncher(Path root) {
        this(root, root.resolve(".converge-dev"), null);
    }

    /** {@code topology} null: the demo topology; otherwise the properties that replace it. */
    DevLauncher(Path root, Path state, Map<String, String> topology) {
        this.root = root;
        this.state = state;
        this.logs = state.resolve("logs");
        this.topology = topology;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("converge.root", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "up" : args[0];
        try {
            String home = System.getProperty("converge.dev.home", "");
            String config = System.getProperty("converge.dev.config", "");
            DevLauncher launcher = new DevLauncher(root,
                    home.isBlank() ? root.resolve(".converge-dev") : Path.of(home).toAbsolutePath().normalize(),
                    config.isBlank() ? null : loadTopology(Path.of(config)));
            run(launcher, command);
        } catch (RuntimeException e) {
            System.err.println("converge-dev: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(DevLauncher launcher, String command) {
        switch (command) {
            case "up" -> launcher.up();
            case "down" -> System.exit(launcher.down());
            case "status" -> System.exit(launcher.status());
            default -> {
                System.err.println("usage: bin/converge-dev up [--detach] | down | status");
                System.exit(64);
            }
        }
    }

    /** Reads the properties file of {@code -Dconverge.dev.config}; a missing or unreadable file is one clear line. */
    static Map<String, String> loadTopology(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }

    /** The system database: the configuration's {@code converge.db.name}, else {@value #SYSTEM_DB}. */
    String systemDatabase() {
        return topology == null ? SYSTEM_DB : topology.getOrDefault("converge.db.name", SYSTEM_DB);
    }

    void up() {
        if (runningLauncher() != null) {
            throw new IllegalStateException("already running (pid " + runningLauncher() + "); use bin/converge-dev down first");
        }
        requireFree(KAFKA_PORT, "Kafka");
        for (ConvergeService s : ConvergeService.values()) {
            requireFree(s.defaultPort(), s.module());
            if (!Files.isRegularFile(s.jar(root))) {
                throw new IllegalStateException(s.jar(root) + " is missing; run ./mvnw -DskipTests package");
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            stopped.countDown();
        }, "converge-dev-shutdown"));
        try {
            Files.createDirectories(logs);
            Files.writeString(state.resolve("launcher.pid"), String.valueOf(ProcessHandle.current().pid()));
            Files.deleteIfExists(state.resolve("ready"));

            postgres = PostgresFinder.find();
            System.out.println("PostgreSQL: " + postgres);
            postgres.createDatabase(systemDatabase());
            if (topology == null) {
                DEMO_DATABASES.forEach(postgres::createDatabase);
            }

            Path kafkaDir = state.resolve("kafka");
            deleteRecursively(kafkaDir); // a fresh broker each run; the services' inboxes make replays harmless
            kafka = KafkaProcess.create(kafkaDir, KAFKA_PORT);
            System.out.println("Kafka: starting on " + kafka.bootstrapServers() + " ...");
            kafka.start();
            writeState();

            Map<String, String> props = serviceProperties(kafka.bootstrapServers(), postgres);
            for (ConvergeService s : ConvergeService.values()) {
                services.add(s.process(root, s.defaultPort(), props, logs.resolve(s.module() + ".log")).start());
            }
            writeState();
            System.out.println("Services: starting " + ConvergeService.values().length + " services ...");
            ServiceProcess.awaitReady(services, READY_TIMEOUT);
            printSummary();
            Files.writeString(state.resolve("ready"), "ready\n");
        } catch (IOException | RuntimeException e) {
            System.err.println("converge-dev: " + e.getMessage());
            System.exit(1); // the shutdown hook stops whatever already started
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, String> serviceProperties(String bootstrapServers, PostgresServer postgres) {
        String token = System.getenv().getOrDefault("CONVERGE_DEV_TOKEN", "converge-dev-token");
        ServiceProperties p = ServiceProperties.of(bootstrapServers, postgres, SYSTEM_DB);
        if (topology != null) {
            return p.setAll(topology).toMap();
        }
        // The demo topology: instance "demo" (this PostgreSQL), project "hr", test (automatic) -> prod (approval).
        return p.instance("demo", postgres)
                .testThenProdByApproval()
                .set("converge.environments.prod.approver-role", "approver")
                .set("converge.projects.hr.environments.test.targets", "demo/hr_test")
                .set("converge.projects.hr.environments.prod.targets", "demo/hr_prod")
                // The demo token (authentication itself arrives with the ingest API): one account with every role.
                .set("converge.dev.token", token)
                .account("demo", token, "submitter,viewer,approver,admin")
                .toMap();
    }

    private void printSummary() {
        String token = System.getenv().getOrDefault("CONVERGE_DEV_TOKEN", "converge-dev-token");
        StringBuilder out = new StringBuilder("\nConverge is up.\n");
        if (topology != null) {
            for (ServiceProcess p : services) {
                out.append(String.format("  %-16s %s   (pid %d)%n", p.name(), p.url(), p.pid()));
            }
            out.append("  kafka            ").append(kafka.bootstrapServers()).append("   (pid ").append(kafka.pid()).append(")\n");
            out.append("  postgresql       ").append(postgres).append("   system db '").append(systemDatabase()).append("'\n");
            out.append("  configuration    ").append(System.getProperty("converge.dev.config")).append('\n');
            out.append("  logs             ").append(logs).append('\n');
            System.out.println(out);
            return;
        }
        for (ServiceProcess p : services) {
            out.append(String.format("  %-16s %s   (ready: %s/q/health/ready, API docs: %s/q/openapi)%n", p.name(), p.url(),
                    p.url(), p.url()));
        }
        out.append("  kafka            ").append(kafka.bootstrapServers()).append("   topics ").append(Topics.ALL).append('\n');
        out.append("  postgresql       ").append(postgres).append("   system db '").append(SYSTEM_DB)
                .append("', demo targets demo/hr_test (test, automatic) -> demo/hr_prod (prod, approval)\n");
        out.append("  demo token       ").append(token).append("   (Authorization: Bearer ").append(token).append(")\n");
        out.append("  logs             ").append(logs).append('\n');
        System.out.println(out);
    }

    private synchronized void stopAll() {
        for (ServiceProcess p : services) {
            p.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close(); // stops only an embedded server devstack started
        }
        try {
            Files.deleteIfExists(state.resolve("ready"));
            Files.deleteIfExists(state.resolve("state.properties"));
            Files.deleteIfExists(state.resolve("launcher.pid"));
        } catch (IOException ignored) {
            // Nothing useful to do while the JVM is exiting.
        }
        System.out.println("converge-dev: stopped");
    }

    /** Stops a running launcher and, should it have died without cleaning up, the processes it recorded. */
    int down() {
        Properties st = readState();
        Long launcher = runningLauncher();
        if (launcher != null) {
            ProcessHandle.of(launcher).ifPresent(h -> Processes.stop(h, 90));
        }
        for (String key : st.stringPropertyNames()) {
            if (key.endsWith(".pid")) {
                ProcessHandle.of(Long.parseLong(st.getProperty(key))).ifPresent(h -> Processes.stop(h, 30));
            }
        }
        List<String> busy = new ArrayList<>();
        for (String key : st.stringPropertyNames()) {
            if (key.endsWith(".port") && FreePorts.answers("127.0.0.1", Integer.parseInt(st.getProperty(key)))) {
                busy.add(key + "=" + st.getProperty(key));
            }
        }
        try {
            Files.deleteIfExists(state.resolve("ready"));
            Files.deleteIfExists(state.resolve("state.properties"));
            Files.deleteIfExists(state.resolve("launcher.pid"));
        } catch (IOException ignored) {
            // Leftover state files are harmless; the next up overwrites them.
        }
        if (!busy.isEmpty()) {
            System.err.println("converge-dev: still answering after down: " + busy);
            return 1;
        }
        System.out.println(launcher == null && st.isEmpty() ? "converge-dev: nothing was running" : "converge-dev: down");
        return 0;
    }

    int status() {
        Long launcher = runningLauncher();
        if (launcher == null) {
            System.out.println("converge-dev: not running");
            return 3;
        }
        Properties st = readState();
        System.out.println("converge-dev: running (pid " + launcher + "), logs in " + logs);
        boolean allUp = true;
        for (ConvergeService s : ConvergeService.values()) {
            String port = st.getProperty(s.module() + ".port");
            if (port == null) {
                allUp = false;
                System.out.printf("  %-16s not started%n", s.module());
                continue;
            }
            ServiceProcess probe = new ServiceProcess(s.module(), s.jar(root), Integer.parseInt(port), Map.of(), logs);
            int code = probe.status("/q/health/ready");
            allUp &= code == 200;
            System.out.printf("  %-16s %s  ready=%s%n", s.module(), probe.url(), code == 200 ? "UP" : code == -1 ? "no answer" : "DOWN");
        }
        String kafkaPort = st.getProperty("kafka.port");
        System.out.printf("  %-16s 127.0.0.1:%s  %s%n", "kafka", kafkaPort,
                kafkaPort != null && FreePorts.answers("127.0.0.1", Integer.parseInt(kafkaPort)) ? "answering" : "not answering");
        return allUp ? 0 : 1;
    }

    private void writeState() throws IOException {
        Properties p = new Properties();
        p.setProperty("launcher.pid", String.valueOf(ProcessHandle.current().pid()));
        if (kafka != null) {
            p.setProperty("kafka.pid", String.valueOf(kafka.pid()));
            p.setProperty("kafka.port", String.valueOf(kafka.port()));
        }
        for (ServiceProcess s : services) {
            p.setProperty(s.name() + ".pid", String.valueOf(s.pid()));
            p.setProperty(s.name() + ".port", String.valueOf(s.port()));
        }
        try (Writer w = Files.newBufferedWriter(state.resolve("state.properties"))) {
            p.store(w, "converge-dev: processes started by bin/converge-dev up");
        }
    }

    private Properties readState() {
        Properties p = new Properties();
        Path file = state.resolve("state.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private Long runningLauncher() {
        Path pidFile = state.resolve("launcher.pid");
        try {
            if (!Files.exists(pidFile)) {
                return null;
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    ? pid : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static void requireFree(int port, String who) {
        if (FreePorts.answers("127.0.0.1", port)) {
            throw new IllegalStateException("port " + port + " (" + who + ") is already in use; stop what uses it first");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
