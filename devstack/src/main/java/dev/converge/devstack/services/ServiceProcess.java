package dev.converge.devstack.services;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Converge service running as its own JVM ({@code java -jar quarkus-run.jar}), configured with system
 * properties, its output going to a log file. Used by {@code bin/converge-dev} and the system ITs.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> properties;
    private final Path logFile;
    private volatile String token;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> properties, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.properties = new LinkedHashMap<>(properties);
        this.logFile = logFile;
    }

    /** Sends {@code Authorization: Bearer <token>} with {@link #status} and {@link #get} (every {@code /v1} call needs one). */
    public ServiceProcess withToken(String bearerToken) {
        this.token = bearerToken;
        return this;
    }

    public synchronized ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " does not exist; build it with ./mvnw -DskipTests package");
        }
        List<String> cmd = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xms64m", "-Xmx384m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    /** Waits until {@code /q/health/ready} says UP; fails early (with the log's tail) if the process exits. */
    public void awaitReady(Duration timeout) {
        boolean ready = Deadline.await(timeout, Duration.ofMillis(500), () -> !isAlive() || isReady());
        if (!isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + " during start; last log lines:\n"
                    + logTail(20));
        }
        if (!ready) {
            throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s: " + get("/q/health/ready")
                    + "\nlast log lines:\n" + logTail(20));
        }
    }

    /**
     * Waits until every one of {@code processes} is ready. Start them all first: they boot side by side, so the
     * wait is about the slowest one's start, not the sum.
     */
    public static void awaitReady(Collection<ServiceProcess> processes, Duration timeout) {
        for (ServiceProcess p : processes) {
            p.awaitReady(timeout);
        }
    }

    public boolean isReady() {
        return status("/q/health/ready") == 200;
    }

    /** HTTP status of a GET on this service, or -1 if it does not answer. */
    public int status(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Body of a GET on this service, or an explanation if it does not answer. */
    public String get(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "(no answer: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private HttpRequest request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized void stop() {
        if (process != null) {
            Processes.stop(process.toHandle(), 30);
        }
    }

    /**
     * SIGKILL, no shutdown hooks: what a crash or the OOM killer does. Waits until the process is gone, so a
     * following {@link #start()} gets the port; the log file is kept and appended to.
     */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing " + name, e);
            }
        }
    }

    public synchronized int exitCode(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        stop();
    }
}
