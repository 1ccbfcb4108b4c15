package dev.converge.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.cli.Durations;
import dev.converge.cli.SubmissionOptions;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.json.Json;
import dev.converge.engine.EngineException;
import dev.converge.engine.source.StateFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code converge check}: submits the state files to ingest-service, waits for every target's plan and review,
 * prints the SQL each target would get with its hazards and findings, and fails the build by threshold.
 * Flag names follow {@code bytebase-action check}.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Plan and review the state files against every target of a project (via the Converge services) "
                + "and report per target the SQL that would run, its hazards and the review findings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed (or --check-release SKIP)", "1:findings at or above the threshold, a failed plan, "
                + "a refused submission, or a timeout", "2:usage error"})
public class CheckCommand implements Callable<Integer> {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "ingest-service base URL, e.g. http://localhost:8081 (default: $CONVERGE_URL)")
    String url;

    @Option(names = "--project", required = true, description = "project name as configured in Converge")
    String project;

    @Mixin
    SubmissionOptions submission = new SubmissionOptions();

    @Option(names = "--custom-rules", paramLabel = "FILE|TEXT",
            description = "review rules in Markdown: a file, or the text itself")
    String customRules;

    @Option(names = "--check-release", paramLabel = "SKIP|FAIL_ON_WARNING|FAIL_ON_ERROR",
            description = "when to fail: SKIP, FAIL_ON_WARNING or FAIL_ON_ERROR (default)")
    String checkRelease;

    @Option(names = "--fail-on", paramLabel = "never|warning|error", description = "alias of --check-release")
    String failOn;

    @Option(names = "--output", paramLabel = "FILE.json", description = "write the full result as JSON")
    Path output;

    @Option(names = "--code-quality", paramLabel = "FILE.json",
            description = "write a GitLab code-quality report (default under GitLab CI: " + GitLabCodeQuality.DEFAULT_FILE + ")")
    String codeQuality;

    @Option(names = "--timeout", defaultValue = "10m", description = "how long to wait for all plans and reviews "
            + "(e.g. 90s, 10m; default ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--token", description = "service-account token (default: $CONVERGE_TOKEN)")
    String token;

    @Option(names = "--idempotency-key", description = "makes a retried submission return the same result (default: random)")
    String idempotencyKey;

    @Option(names = "--repository", description = "VCS repository (default under GitHub Actions: $GITHUB_REPOSITORY)")
    String repository;

    @Option(names = "--pull-request", description = "pull request number (default under GitHub Actions: from the event)")
    String pullRequest;

    @Option(names = "--commit", description = "commit SHA (default under GitHub Actions: the PR head)")
    String commit;

    @Option(names = "--author", description = "author (default under GitHub Actions: $GITHUB_ACTOR)")
    String author;

    @Option(names = "--poll-interval", defaultValue = "500ms", hidden = true)
    String pollInterval;

    private final Map<String, String> env;
    private final Path workingDirectory;

    public CheckCommand() {
        this(System.getenv(), Path.of(""));
    }

    public CheckCommand(Map<String, String> env, Path workingDirectory) {
        this.env = env;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    int run(PrintWriter out, PrintWriter err) {
        Settings s = settings();
        GitHubActions github = GitHubActions.active(env) ? new GitHubActions(env, out, err) : null;

        List<StateFile> files;
        try {
            files = StateFiles.load(workingDirectory, submission.filePattern());
        } catch (EngineException e) {
            err.println("converge check: " + e.getMessage());
            if (github != null) {
                github.annotation("error", e.location().map(l -> l.file()).orElse(null),
                        e.location().filter(l -> l.line() > 0).map(l -> l.line()).orElse(null), null,
                        "Converge", e.getMessage());
            }
            return e.getMessage().startsWith("no files match") ? USAGE : FAILED;
        }

        IngestClient client = new IngestClient(s.url, s.token, Duration.ofSeconds(60));
        Map<String, Object> body = body(files, s, github);
        String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        String id;
        try {
            id = submitWithRetry(client, body, key, err);
        } catch (ServerError e) {
            writeCodeQuality(codeQualityReport(files).add(e), err);
            return refused(e, github, err);
        } catch (IOException e) {
            err.println("converge check: " + e.getMessage());
            return FAILED;
        }
        err.println("converge check: submitted " + files.size() + " file" + (files.size() == 1 ? "" : "s")
                + " as submission " + id + "; waiting for plans and reviews (timeout " + s.timeout.toSeconds() + " s)");

        CheckResult.Fetched fetched;
        try {
            fetched = await(client, id, s, err);
        } catch (ServerError e) {
            err.println("converge check: " + e.code() + ": " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("converge check: " + e.getMessage());
            return FAILED;
        }
        CheckResult result = fetched.result();
        boolean timedOut = !result.completed();
        boolean failed = timedOut || s.threshold.fails(result.errors(), result.warnings());

        out.print(TextReport.render(result, s.threshold, failed));
        if (timedOut) {
            err.println("converge check: timed out after " + s.timeout.toSeconds() + " s; still waiting for "
                    + result.targets().stream().filter(t -> t.errors().isEmpty() && !t.reviewed())
                    .map(t -> t.target() + " (" + t.status() + ")").toList());
        }
        writeOutput(fetched.raw(), result, s.threshold, failed, timedOut, err);
        writeCodeQuality(codeQualityReport(files).add(result), err);
        if (github != null) {
            github.annotate(result);
            String markdown = MarkdownReport.render(result, s.threshold, failed, s.url.toString());
            github.appendStepSummary(markdown);
            github.upsertComment(MarkdownReport.marker(result.project()), markdown);
        }
        return failed ? FAILED : PASSED;
    }

    private record Settings(URI url, String token, Threshold threshold, Duration timeout, Duration poll) {
    }

    private Settings settings() {
        String u = url != null ? url : env.get("CONVERGE_URL");
        if (u == null || u.isBlank()) {
            throw usage("--url is required (or set CONVERGE_URL)");
        }
        URI uri;
        try {
            uri = URI.create(u.trim());
        } catch (IllegalArgumentException e) {
            throw usage("--url '" + u + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw usage("--url '" + u + "' must start with http:// or https://");
        }
        String t = token != null ? token : env.get("CONVERGE_TOKEN");
        if (t == null || t.isBlank()) {
            throw usage("a token is required: --token or CONVERGE_TOKEN");
        }
        if (checkRelease != null && failOn != null) {
            throw usage("use either --check-release or --fail-on, not both");
        }
        Threshold threshold;
        try {
            threshold = checkRelease != null ? Threshold.parse(checkRelease)
                    : failOn != null ? Threshold.parse(failOn) : Threshold.FAIL_ON_ERROR;
        } catch (IllegalArgumentException e) {
            throw usage((checkRelease != null ? "--check-release " : "--fail-on ") + e.getMessage());
        }
        return new Settings(uri, t.trim(), threshold, duration("--timeout", timeout), duration("--poll-interval", pollInterval));
    }

    private Duration duration(String option, String text) {
        Duration d = Durations.parse(text);
        if (d == null) {
            throw usage(option + " '" + text + "' is not a duration (e.g. 90s, 10m)");
        }
        return d;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private Map<String, Object> body(List<StateFile> files, Settings s, GitHubActions github) {
        Map<String, Object> body = submission.body("CHECK", files);
        String rules = rules();
        if (rules != null) {
            body.put("customRules", rules);
        }
        VcsMetadata detected = github != null ? github.vcs() : VcsMetadata.NONE;
        VcsMetadata vcs = new VcsMetadata(first(repository, detected.repository()), first(pullRequest, detected.pullRequest()),
                first(commit, detected.commit()), first(author, detected.author()));
        if (!vcs.equals(VcsMetadata.NONE)) {
            body.put("vcs", vcs);
        }
        return body;
    }

    private String rules() {
        if (customRules == null || customRules.isBlank()) {
            return null;
        }
        try {
            Path file = workingDirectory.resolve(customRules.trim());
            if (!customRules.contains("\n") && Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (InvalidPathException ignored) {
            // Not a path: the rules are the text itself.
        } catch (IOException e) {
            throw usage("--custom-rules: cannot read " + customRules + ": " + e.getMessage());
        }
        return customRules;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** Network hiccups and 5xx are retried with the same idempotency key, so a retry cannot submit twice. */
    private String submitWithRetry(IngestClient client, Map<String, Object> body, String key, PrintWriter err)
            throws ServerError, IOException {
        IOException lastIo = null;
        ServerError lastServer = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return client.submit(project, body, key);
            } catch (IOException e) {
                lastIo = e;
                lastServer = null;
            } catch (ServerError e) {
                if (e.status() < 500) {
                    throw e;
                }
                lastServer = e;
                lastIo = null;
            }
            if (attempt < 3) {
                err.println("converge check: submit failed (" + (lastIo != null ? lastIo.getMessage() : lastServer.getMessage())
                        + "); retrying");
                sleep(Duration.ofSeconds(attempt * 2L));
            }
        }
        if (lastServer != null) {
            throw lastServer;
        }
        throw lastIo;
    }

    private CheckResult.Fetched await(IngestClient client, String id, Settings s, PrintWriter err) throws ServerError, IOException {
        long deadline = System.nanoTime() + s.timeout.toNanos();
        String lastProgress = null;
        CheckResult.Fetched fetched = null;
        int transientFailures = 0;
        while (true) {
            try {
                fetched = client.get(id);
                transientFailures = 0;
            } catch (IOException e) {
                if (++transientFailures > 5 || fetched == null && System.nanoTime() > deadline) {
                    throw e;
                }
                err.println("converge check: " + e.getMessage() + "; retrying");
            }
            if (fetched != null) {
                CheckResult r = fetched.result();
                String progress = progress(r);
                if (!progress.equals(lastProgress)) {
                    err.println("converge check: " + progress);
                    lastProgress = progress;
                }
                if (r.completed()) {
                    return fetched;
                }
            }
            if (System.nanoTime() > deadline) {
                if (fetched == null) {
                    throw new IOException("no answer about submission " + id + " before the timeout");
                }
                return fetched;
            }
            sleep(s.poll);
        }
    }

    private static String progress(CheckResult r) {
        StringBuilder sb = new StringBuilder(r.status());
        for (CheckResult.Target t : r.targets()) {
            sb.append(sb.length() == r.status().length() ? " — " : ", ").append(t.target()).append(' ').append(t.status());
        }
        return sb.toString();
    }

    private int refused(ServerError e, GitHubActions github, PrintWriter err) {
        err.println("converge check: refused (" + e.status() + " " + e.code() + "): " + e.getMessage());
        e.details().forEach(d -> err.println("  " + d.oneLine()));
        if (github != null) {
            github.annotate(e);
            StringBuilder md = new StringBuilder(MarkdownReport.marker(project)).append("\n## ❌ Converge check — project `")
                    .append(project).append("`\n\nThe submission was refused (`").append(e.code()).append("`): ")
                    .append(e.getMessage()).append("\n\n");
            e.details().forEach(d -> md.append("- `").append(d.oneLine().replace("`", "'")).append("`\n"));
            github.appendStepSummary(md.toString());
            github.upsertComment(MarkdownReport.marker(project), md.toString());
        }
        if (output != null) {
            ObjectNode doc = Json.mapper().createObjectNode();
            doc.putObject("error").put("status", e.status()).put("code", e.code()).put("message", e.getMessage())
                    .set("details", Json.mapper().valueToTree(e.details()));
            doc.putObject("result").put("passed", false);
            write(doc, err);
        }
        return FAILED;
    }

    private void writeOutput(JsonNode raw, CheckResult result, Threshold threshold, boolean failed, boolean timedOut,
                             PrintWriter err) {
        if (output == null) {
            return;
        }
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.set("submission", raw);
        doc.putObject("result")
                .put("passed", !failed)
                .put("threshold", threshold.name())
                .put("errors", result.errors())
                .put("warnings", result.warnings())
                .put("timedOut", timedOut);
        write(doc, err);
    }

    private void write(JsonNode doc, PrintWriter err) {
        write("--output", output.toString(), doc, err);
    }

    private GitLabCodeQuality codeQualityReport(List<StateFile> files) {
        return new GitLabCodeQuality(files.isEmpty() ? null : files.get(0).path());
    }

    /** Only when asked for with {@code --code-quality} or when running under GitLab CI. */
    private void writeCodeQuality(GitLabCodeQuality report, PrintWriter err) {
        String file = codeQuality != null ? codeQuality : GitLabCodeQuality.active(env) ? GitLabCodeQuality.DEFAULT_FILE : null;
        if (file != null) {
            write("--code-quality", file, report.json(), err);
        }
    }

    private void write(String option, String target, JsonNode doc, PrintWriter err) {
        try {
            Path file = workingDirectory.resolve(target);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
        } catch (IOException e) {
            err.println("converge check: cannot write " + option + " " + target + ": " + e.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
