package dev.converge.devstack.process;

import java.util.concurrent.TimeUnit;

/** Stopping child processes politely first (SIGTERM lets Kafka and Quarkus shut down cleanly), then by force. */
public final class Processes {
    private Processes() {
    }

    public static void stop(ProcessHandle process, long graceSeconds) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(graceSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Nothing more we can do; the caller reports the pid if it is still alive.
            }
        }
    }

    /** The java executable of the running JVM, so children use the same Java 17+ runtime. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("java"))
                .orElse(System.getProperty("java.home") + "/bin/java");
    }
}
