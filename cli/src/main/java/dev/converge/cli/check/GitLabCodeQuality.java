package dev.converge.cli.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.common.events.Finding;
import dev.converge.common.events.Severity;
import dev.converge.common.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A GitLab code-quality report (the {@code artifacts:reports:codequality} format): one entry per planning error,
 * review finding and refusal detail, so that GitLab shows them in the merge-request widget and the diff.
 *
 * <p>GitLab needs a file path for every entry; what Converge cannot place in a file (a plan-wide finding, a
 * target that is down) is attached to line 1 of the first submitted file, and its description names the target.
 * Fingerprints are stable across runs (rule, target, place, message), which is how GitLab tells new findings from
 * resolved ones between the base and the head pipeline.
 */
final class GitLabCodeQuality {
    /** Where {@code converge check} writes the report under GitLab CI when {@code --code-quality} is not given. */
    static final String DEFAULT_FILE = "gl-code-quality-report.json";

    private static final Map<Severity, String> SEVERITIES = Map.of(
            Severity.ERROR, "critical", Severity.WARNING, "major", Severity.INFO, "info");

    private final ArrayNode entries = Json.mapper().createArrayNode();
    private final String fallbackPath;

    /** @param fallbackPath the file that entries without a location are attached to (the first state file) */
    GitLabCodeQuality(String fallbackPath) {
        this.fallbackPath = fallbackPath == null || fallbackPath.isBlank() ? "schemas" : fallbackPath;
    }

    static boolean active(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.get("GITLAB_CI"));
    }

    GitLabCodeQuality add(CheckResult result) {
        for (CheckResult.Target t : result.targets()) {
            for (CheckResult.TargetError e : t.errors()) {
                add("converge/" + e.code(), "blocker", t.target() + ": " + e.message(), e.file(), e.line());
            }
            for (Finding f : t.findings()) {
                String file = f.location() == null ? null : f.location().file();
                Integer line = f.location() == null ? null : f.location().line();
                String suggestion = f.suggestion() == null || f.suggestion().isBlank() ? "" : " Suggestion: " + f.suggestion();
                add("converge/" + f.ruleId(), SEVERITIES.get(f.severity()), t.target() + ": " + f.message() + suggestion,
                        file, line);
            }
        }
        return this;
    }

    GitLabCodeQuality add(ServerError refusal) {
        if (refusal.details().isEmpty()) {
            add("converge/" + refusal.code(), "blocker", refusal.getMessage(), null, null);
        }
        for (ServerError.Detail d : refusal.details()) {
            String where = d.file() == null && d.field() != null && !d.field().isBlank() ? d.field() + ": " : "";
            add("converge/" + refusal.code(), "blocker", where + d.message(), d.file(), d.line());
        }
        return this;
    }

    ArrayNode json() {
        return entries;
    }

    private void add(String checkName, String severity, String description, String file, Integer line) {
        boolean placed = file != null && !file.isBlank();
        String path = placed ? file : fallbackPath;
        int begin = placed && line != null && line > 0 ? line : 1;
        ObjectNode entry = entries.addObject();
        entry.put("description", description);
        entry.put("check_name", checkName);
        entry.put("fingerprint", fingerprint(checkName, path, Integer.toString(placed ? begin : 0), description));
        entry.put("severity", severity);
        entry.putObject("location").put("path", path).putObject("lines").put("begin", begin);
    }

    private static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
