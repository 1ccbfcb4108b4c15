package dev.converge.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.cli.Durations;
import dev.converge.cli.SubmissionOptions;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.StateFile;
import dev.converge.common.json.Json;
import dev.converge.engine.source.StateFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code converge rollout}, compatible with {@code bytebase-action rollout}: without {@code --target-stage} it
 * submits the state files as a ROLLOUT and prints the rollout id; with {@code --target-stage environments/test}
 * (or {@code test}) it also waits until that stage is done and fails when a task failed or drifted;
 * {@code --plan <rollout id>} continues (waits on) an existing rollout instead of submitting.
 */
@Command(name = "rollout", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start a staged rollout of the state files, or follow one up to a stage.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rollout created / target stage succeeded", "1:the stage failed, drifted, was rejected, "
                + "blocked or canceled; a refused request; a timeout", "2:usage error"})
public final class RolloutCommand implements Callable<Integer> {
    static final Set<String> STAGE_FAILED = Set.of("FAILED", "REJECTED", "CANCELED", "BLOCKED");
    static final Set<String> ROLLOUT_FAILED = Set.of("FAILED", "CANCELED", "BLOCKED");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "ingest-service base URL (default: $CONVERGE_URL, else http://localhost:8081)")
    String url;

    @Option(names = "--project", description = "project name (required unless --plan)")
    String project;

    @Mixin
    SubmissionOptions submission = new SubmissionOptions();

    @Option(names = "--target-stage", paramLabel = "STAGE",
            description = "wait until this stage is done: environments/<env> or <env>")
    String targetStage;

    @Option(names = "--plan", paramLabel = "ROLLOUT_ID", description = "continue this existing rollout instead of submitting")
    String plan;

    @Option(names = "--timeout", defaultValue = "60m", description = "how long to wait for the stage (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--output", paramLabel = "FILE", description = "write the final rollout as JSON to this file")
    Path output;

    @Mixin
    ServiceOptions service = new ServiceOptions();

    /** Where --file-pattern is resolved (the working directory); tests replace it. */
    static Path workDir = Path.of("");

    /** How often the rollout is polled; tests shorten it. */
    static Duration poll = Duration.ofSeconds(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (plan == null && (project == null || project.isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--project is required unless --plan names a rollout");
        }
        Duration limit = Durations.parse(timeout);
        if (limit == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout '" + timeout
                    + "' is not a duration like 90s, 30m or 2h");
        }
        String token = service.token(spec.commandLine());
        ServiceClient rollouts = new ServiceClient(service.rolloutUrl(), token);
        String rolloutId;
        try {
            rolloutId = plan != null ? plan.trim() : submit(token, err);
        } catch (ServiceClient.CallFailed e) {
            err.println("converge rollout: " + e.getMessage());
            return 1;
        }
        if (targetStage == null) {
            out.println(rolloutId);
            return 0;
        }
        String stage = targetStage.startsWith("environments/") ? targetStage.substring("environments/".length()) : targetStage;
        return new StageWaiter(rollouts, err, poll).await(rolloutId, stage, limit, r -> finish(r, out));
    }

    private String submit(String token, PrintWriter err) throws ServiceClient.CallFailed, IOException {
        List<StateFile> files = StateFiles.load(workDir.toAbsolutePath(), submission.filePattern());
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--file-pattern '" + submission.filePattern()
                    + "' matches no file under " + workDir.toAbsolutePath());
        }
        Map<String, Object> body = submission.body("ROLLOUT", files);
        Map<String, String> vcs = new LinkedHashMap<>();
        putIfSet(vcs, "repository", ServiceOptions.env.apply("GITHUB_REPOSITORY"));
        putIfSet(vcs, "commit", ServiceOptions.env.apply("GITHUB_SHA"));
        putIfSet(vcs, "author", ServiceOptions.env.apply("GITHUB_ACTOR"));
        if (!vcs.isEmpty()) {
            body.put("vcs", vcs);
        }
        String runId = ServiceOptions.env.apply("GITHUB_RUN_ID");
        String key = runId != null ? "rollout-" + runId + "-" + ServiceOptions.firstOf(ServiceOptions.env.apply("GITHUB_RUN_ATTEMPT"), null, "1")
                : UUID.randomUUID().toString();
        ServiceClient ingest = new ServiceClient(ServiceOptions.firstOf(url, ServiceOptions.env.apply("CONVERGE_URL"),
                "http://localhost:8081"), token);
        JsonNode accepted = ingest.post("v1/projects/" + ServiceClient.seg(project) + "/submissions", body,
                Map.of("Idempotency-Key", key));
        String submissionId = accepted.path("id").asText();
        String rolloutId = EventIds.rolloutOf(submissionId);
        err.println("converge rollout: submission " + submissionId + " accepted; rollout " + rolloutId);
        return rolloutId;
    }

    private void finish(JsonNode rollout, PrintWriter out) {
        out.print(StageTable.text(rollout));
        out.flush();
        try {
            if (output != null) {
                Files.writeString(output, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rollout));
            }
            String summary = ServiceOptions.env.apply("GITHUB_STEP_SUMMARY");
            if ("true".equals(ServiceOptions.env.apply("GITHUB_ACTIONS")) && summary != null && !summary.isBlank()) {
                Files.writeString(Path.of(summary), StageTable.markdown(rollout), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("converge rollout: cannot write the report: " + e.getMessage());
        }
    }

    private static void putIfSet(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }
}
