package dev.converge.cli;

import dev.converge.cli.check.CheckCommand;
import dev.converge.engine.EngineException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code converge}: what CI and people run. Exit codes: 0 success, 1 bad input or any failure (one line on
 * stderr, never a stack trace unless {@code --debug}), 2 "changes pending" where a command offers
 * {@code --exit-code}.
 */
@Command(name = "converge", mixinStandardHelpOptions = true, version = "converge 0.1.0",
        description = "State-based PostgreSQL schema management.",
        subcommands = {PlanCommand.class, ExportCommand.class, CheckCommand.class, dev.converge.cli.rollout.RolloutCommand.class,
                dev.converge.cli.rollout.ApproveCommand.class, dev.converge.cli.rollout.StatusCommand.class,
                CommandLine.HelpCommand.class})
public final class ConvergeCli implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_CHANGES = 2;
    /** {@code converge check} follows bytebase-action: 2 for usage errors (1 means "the check failed"). */
    public static final int EXIT_CHECK_USAGE = 2;

    /** Shared by every subcommand: {@code --debug} shows stack traces and driver logs. */
    public static final class DebugOption {
        @Option(names = "--debug", description = "Show stack traces and driver logs on failure.")
        boolean debug;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (plan, export, check; see --help)");
    }

    public static void main(String[] args) {
        dev.converge.engine.Timing.mark("main");
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one invocation writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, CommandLine.defaultFactory(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, creating commands with {@code factory} (tests pass environments). */
    public static int run(PrintWriter out, PrintWriter err, CommandLine.IFactory factory, String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        quietDriverLogs(debug);
        CommandLine cli = new CommandLine(new ConvergeCli(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, ignoredArgs) -> {
            err.println("converge: " + oneLine(ex.getMessage()).replaceFirst("^Error: ", ""));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ex.getCommandLine().getCommandSpec().userObject() instanceof CheckCommand ? EXIT_CHECK_USAGE : EXIT_FAILED;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("converge: " + describe(ex));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String describe(Throwable ex) {
        if (ex instanceof EngineException engine) {
            return oneLine(engine.getMessage());
        }
        return "internal error: " + oneLine(ex.getClass().getSimpleName() + ": " + ex.getMessage()) + " (run with --debug for details)";
    }

    static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The PG client logs server notices as warnings; a CLI's stderr is for its own one-line errors. */
    private static void quietDriverLogs(boolean debug) {
        if (!debug) {
            LogManager.getLogManager().reset();
            Logger.getLogger("").setLevel(Level.OFF);
        }
    }
}
