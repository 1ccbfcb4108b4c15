package dev.converge.cli;

import dev.converge.common.events.PlannedStatement;
import dev.converge.common.json.Json;
import dev.converge.engine.DbConn;
import dev.converge.engine.DesiredSource;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.Timing;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge plan}: the migration from a target's schema to the desired one, on stdout. */
@Command(name = "plan", description = "Print the migration that brings --target to the desired schema.")
final class PlanCommand implements Callable<Integer> {

    enum Format { sql, json }

    @Option(names = "--target", required = true, paramLabel = "<url>", description = "The database to migrate (postgresql://…).")
    String target;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Desired desired;

    static final class Desired {
        @Option(names = "--file-pattern", required = true, paramLabel = "<glob>",
                description = "State files, e.g. 'schemas/**/*.sql' (sorted by path).")
        String filePattern;

        @Option(names = "--desired-url", required = true, paramLabel = "<url>", description = "A database whose schema is the desired one.")
        String desiredUrl;
    }

    @Option(names = "--format", defaultValue = "sql", description = "sql (default) or json (the full plan).")
    Format format;

    @Option(names = "--shadow-url", paramLabel = "<url>",
            description = "Server for the shadow database of --file-pattern (default: the target's server).")
    String shadowUrl;

    @Option(names = "--allow-extension", paramLabel = "<name>",
            description = "Let the state files create this extension although the server does not mark it trusted; its "
                    + "script then runs in the shadow database with the shadow server user's rights (repeatable). Trusted "
                    + "extensions need no option; dblink, postgres_fdw, file_fdw, adminpack and untrusted languages stay refused.")
    List<String> allowedExtensions = new ArrayList<>();

    @Option(names = "--exit-code", description = "Exit with 2 when the plan is not empty.")
    boolean exitCode;

    @Mixin
    DbOptions dbOptions = new DbOptions();

    @Mixin
    ConvergeCli.DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DbConn targetConn = DbConn.parse(target);
        DesiredSource source = desired.desiredUrl != null
                ? DesiredSource.database(DbConn.parse(desired.desiredUrl))
                : Timing.time("read state files", () -> DesiredSource.glob(Path.of(""), desired.filePattern,
                        shadowUrl == null ? null : DbConn.parse(shadowUrl)).allowingExtensions(allowedExtensions));
        Plan plan = Timing.time("plan total", () -> new SchemaEngine().plan(targetConn, source, PlanOptions.defaults(),
                dbOptions.introspectOptions()));
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.encode(PlanJson.of(plan)));
        } else {
            out.print(plan.toSql());
        }
        out.flush();
        Timing.mark("output written");
        return exitCode && !plan.isEmpty() ? ConvergeCli.EXIT_CHANGES : ConvergeCli.EXIT_OK;
    }

    /** The JSON shape of {@code --format json}. */
    record PlanJson(String baseHash, String desiredHash, String planHash, boolean empty, List<String> summary,
                    List<PlannedStatement> statements) {
        static PlanJson of(Plan plan) {
            return new PlanJson(plan.baseHash(), plan.desiredHash(), plan.planHash(), plan.isEmpty(), plan.summary(), plan.toEvents());
        }
    }
}
