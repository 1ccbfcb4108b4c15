package dev.converge.engine.tools;

import dev.converge.engine.DbConn;
import dev.converge.engine.EngineException;
import dev.converge.engine.introspect.IntrospectOptions;
import dev.converge.engine.introspect.Introspector;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import dev.converge.engine.plan.Planner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Test-scoped stand-in for {@code converge plan --target FROM --desired-url TO} used by the conformance runner
 * ({@code conformance.sh}) until the CLI exists: prints the plan SQL, or a one-line error and exit code 1.
 */
public final class PlanUrls {
    private PlanUrls() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PlanUrls <current-url> <desired-url>");
            System.exit(1);
        }
        int code = 0;
        try {
            Introspector introspector = new Introspector();
            CompletableFuture<SchemaModel> desired = CompletableFuture.supplyAsync(
                    () -> introspector.introspect(DbConn.parse(args[1]), IntrospectOptions.defaults()));
            long t0 = System.nanoTime();
            SchemaModel current = introspector.introspect(DbConn.parse(args[0]), IntrospectOptions.defaults());
            long t1 = System.nanoTime();
            SchemaModel want = desired.join();
            long t2 = System.nanoTime();
            Plan plan = new Planner().plan(current, want, PlanOptions.defaults());
            long t3 = System.nanoTime();
            if (Boolean.getBoolean("converge.timing")) {
                System.err.printf("introspect current %d ms, desired ready after %d ms, plan %d ms%n",
                        (t1 - t0) / 1_000_000, (t2 - t0) / 1_000_000, (t3 - t2) / 1_000_000);
            }
            System.out.print(plan.toSql());
        } catch (CompletionException e) {
            System.err.println("error: " + e.getCause().getMessage());
            code = 1;
        } catch (EngineException e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }
}
