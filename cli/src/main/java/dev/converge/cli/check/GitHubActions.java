package dev.converge.cli.check;

import dev.converge.common.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.common.events.Finding;
import dev.converge.common.events.Severity;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.json.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code converge check} does under GitHub Actions ({@code GITHUB_ACTIONS=true}): workflow-command
 * annotations, a step summary, and one pull-request comment per project that later runs update in place.
 */
final class GitHubActions {
    private static final ObjectMapper JSON = Json.mapper();
    private static final int PAGE = 100;

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    GitHubActions(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    static boolean active(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.get("GITHUB_ACTIONS"));
    }

    /** Repository, pull request, commit and actor of this workflow run (fields may be null). */
    VcsMetadata vcs() {
        String pr = pullRequestNumber();
        String sha = env.get("GITHUB_SHA");
        JsonNode event = event();
        if (event != null && event.path("pull_request").hasNonNull("head")) {
            // On pull_request events GITHUB_SHA is a merge commit; the head commit is what the author pushed.
            sha = event.path("pull_request").path("head").path("sha").asText(sha);
        }
        return new VcsMetadata(env.get("GITHUB_REPOSITORY"), pr, sha, env.get("GITHUB_ACTOR"));
    }

    /** The pull request number from the event payload, or null when the run is not about a pull request. */
    String pullRequestNumber() {
        JsonNode event = event();
        if (event == null) {
            return null;
        }
        for (JsonNode n : new JsonNode[]{event.path("pull_request").path("number"), event.path("issue").path("number"),
                event.path("number")}) {
            if (n.isInt()) {
                return String.valueOf(n.asInt());
            }
        }
        return null;
    }

    private JsonNode event() {
        String path = env.get("GITHUB_EVENT_PATH");
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            return null;
        }
        try {
            return JSON.readTree(Files.readString(Path.of(path)));
        } catch (IOException e) {
            err.println("converge: cannot read GITHUB_EVENT_PATH " + path + ": " + e.getMessage());
            return null;
        }
    }

    /** One {@code ::error}/{@code ::warning} per planning failure and finding, with file and line where known. */
    void annotate(CheckResult result) {
        for (CheckResult.Target t : result.targets()) {
            for (CheckResult.TargetError e : t.errors()) {
                annotation("error", e.file(), e.line(), e.column(), "Converge " + t.target(), e.code() + ": " + e.message());
            }
            if (t.review() == null) {
                continue;
            }
            for (Finding f : t.review().findings()) {
                String level = f.severity() == Severity.ERROR ? "error" : f.severity() == Severity.WARNING ? "warning" : "notice";
                String file = f.location() == null ? null : f.location().file();
                Integer line = f.location() == null || f.location().line() <= 0 ? null : f.location().line();
                Integer col = f.location() == null || f.location().column() <= 0 ? null : f.location().column();
                annotation(level, file, line, col, "Converge " + f.ruleId() + " (" + t.target() + ")", f.message());
            }
        }
    }

    void annotate(ServerError refusal) {
        if (refusal.details().isEmpty()) {
            annotation("error", null, null, null, "Converge", refusal.getMessage());
        }
        for (ServerError.Detail d : refusal.details()) {
            annotation("error", d.file(), d.line(), d.column(), "Converge " + refusal.code(), d.message());
        }
    }

    void annotation(String level, String file, Integer line, Integer column, String title, String message) {
        StringBuilder cmd = new StringBuilder("::").append(level);
        StringBuilder props = new StringBuilder();
        if (file != null) {
            props.append("file=").append(escapeProperty(file));
            if (line != null) {
                props.append(",line=").append(line);
                if (column != null) {
                    props.append(",col=").append(column);
                }
            }
        }
        if (title != null) {
            props.append(props.isEmpty() ? "" : ",").append("title=").append(escapeProperty(title));
        }
        if (!props.isEmpty()) {
            cmd.append(' ').append(props);
        }
        out.println(cmd.append("::").append(escapeData(message)));
    }

    void appendStepSummary(String markdown) {
        String path = env.get("GITHUB_STEP_SUMMARY");
        if (path == null || path.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(path), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            err.println("converge: cannot append to GITHUB_STEP_SUMMARY: " + e.getMessage());
        }
    }

    /**
     * Creates the project's comment on the pull request, or updates it if a comment with the same hidden marker
     * exists. Needs {@code GITHUB_TOKEN} with {@code pull-requests: write}; problems are reported, not fatal.
     */
    void upsertComment(String marker, String body) {
        String pr = pullRequestNumber();
        String token = env.get("GITHUB_TOKEN");
        String repo = env.get("GITHUB_REPOSITORY");
        if (pr == null) {
            err.println("converge: not a pull-request run; no PR comment written");
            return;
        }
        if (token == null || token.isBlank() || repo == null) {
            err.println("converge: GITHUB_TOKEN or GITHUB_REPOSITORY is not set; no PR comment written");
            return;
        }
        String api = env.getOrDefault("GITHUB_API_URL", "https://api.github.com").replaceAll("/+$", "");
        try {
            Long existing = findComment(api, repo, pr, token, marker);
            String payload = JSON.writeValueAsString(Map.of("body", body));
            HttpResponse<String> response = existing == null
                    ? send(token, HttpRequest.newBuilder(URI.create(api + "/repos/" + repo + "/issues/" + pr + "/comments"))
                    .POST(HttpRequest.BodyPublishers.ofString(payload)))
                    : send(token, HttpRequest.newBuilder(URI.create(api + "/repos/" + repo + "/issues/comments/" + existing))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(payload)));
            if (response.statusCode() / 100 != 2) {
                err.println("converge: GitHub answered " + response.statusCode() + " when writing the PR comment: "
                        + abbreviate(response.body()));
            } else {
                err.println("converge: " + (existing == null ? "created" : "updated") + " the PR comment on #" + pr);
            }
        } catch (IOException e) {
            err.println("converge: cannot write the PR comment: " + e.getMessage());
        }
    }

    private Long findComment(String api, String repo, String pr, String token, String marker) throws IOException {
        for (int page = 1; page < 100; page++) {
            HttpResponse<String> response = send(token, HttpRequest.newBuilder(URI.create(api + "/repos/" + repo
                    + "/issues/" + pr + "/comments?per_page=" + PAGE + "&page=" + page)).GET());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("listing comments answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            JsonNode comments = JSON.readTree(response.body());
            for (JsonNode c : comments) {
                if (c.path("body").asText("").contains(marker)) {
                    return c.path("id").asLong();
                }
            }
            if (comments.size() < PAGE) {
                return null;
            }
        }
        return null;
    }

    private HttpResponse<String> send(String token, HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .header("Content-Type", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : Text.abbreviate(s, 200);
    }

    /** Workflow-command escaping of the message part. */
    static String escapeData(String s) {
        return s == null ? "" : s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Workflow-command escaping of a property value. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
