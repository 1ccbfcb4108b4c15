package dev.converge.cli;

import dev.converge.engine.DbConn;
import dev.converge.engine.Exporter;
import dev.converge.engine.SchemaEngine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge export}: the target's current schema as state files. */
@Command(name = "export", description = "Write the schema of --target as state files into --dir.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--target", required = true, paramLabel = "<url>", description = "The database to export.")
    String target;

    @Option(names = "--dir", required = true, paramLabel = "<dir>", description = "Directory to write the files into.")
    Path dir;

    @Mixin
    DbOptions dbOptions = new DbOptions();

    @Mixin
    ConvergeCli.DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Exporter.Result result = new SchemaEngine().export(DbConn.parse(target), dir, dbOptions.introspectOptions());
        spec.commandLine().getErr().println("converge: wrote " + result.statements() + " statements into "
                + result.files().size() + " files in " + dir);
        return ConvergeCli.EXIT_OK;
    }
}
