package dev.converge.rollout.ui;

import dev.converge.devstack.process.Deadline;
import dev.converge.devstack.process.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Converge service run from its packaged {@code quarkus-app} as a separate JVM, so that a test can stop and
 * start it again like an operator would (the dashboard must survive that).
 */
public final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;

    public ServiceProcess(String module, int port, Map<String, String> properties, Path logDir) {
        this.name = module;
        this.jar = locate(module);
        this.port = port;
        this.properties = new TreeMap<>(properties);
        this.properties.put("quarkus.http.port", String.valueOf(port));
        this.properties.put("quarkus.http.host", "127.0.0.1");
        this.log = logDir.resolve(module + ".log");
    }

    static boolean packaged(String module) {
        try {
            locate(module);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The packaged service; in a reactor build the module has been packaged before this module's ITs run. */
    static Path locate(String module) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(module + "/target/quarkus-app/quarkus-run.jar not found: package it first ("
                + "./mvnw -pl " + module + " -am package -DskipTests)");
    }

    public synchronized ServiceProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        if (!Deadline.await(Duration.ofSeconds(90), Duration.ofMillis(250), this::ready)) {
            String tail = tail();
            stop();
            throw new IllegalStateException(name + " did not become ready on port " + port + "; log " + log + ":\n" + tail);
        }
        return this;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
        }
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized void stop() {
        if (process != null) {
            Processes.stop(process.toHandle(), 20);
            process = null;
        }
    }

    public ServiceProcess restart() {
        stop();
        return start();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
