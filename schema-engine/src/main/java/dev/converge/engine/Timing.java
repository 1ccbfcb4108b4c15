package dev.converge.engine;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Phase timings on stderr when the environment has {@code CONVERGE_TIMING=1}: how the benchmark's breakdown
 * (docs/benchmarks.md) is measured without a profiler. Off by default; costs one boolean check per phase.
 */
public final class Timing {

    private static final boolean ON = "1".equals(System.getenv("CONVERGE_TIMING"));
    /** Milliseconds are counted from the process start, so that JVM start-up shows in the first line. */
    private static final Instant START = ProcessHandle.current().info().startInstant().orElse(Instant.now());

    private Timing() {
    }

    public static boolean enabled() {
        return ON;
    }

    /** Runs {@code work} and, when timing is on, prints how long it took and when it ended. */
    public static <T> T time(String phase, Supplier<T> work) {
        if (!ON) {
            return work.get();
        }
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            print(phase + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    public static void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** A point in time (e.g. "main entered"). */
    public static void mark(String event) {
        if (ON) {
            print(event);
        }
    }

    private static void print(String what) {
        PrintStream err = System.err;
        err.printf("[timing] at %6d ms [%s] %s%n", Duration.between(START, Instant.now()).toMillis(),
                Thread.currentThread().getName(), what);
    }
}
