package dev.converge.cli;

import dev.converge.common.events.StateFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What a submission carries, as {@code converge check} and {@code converge rollout} both take it (the flags follow
 * bytebase-action), and the part of ingest's submission request these options make. A picocli mixin: each command
 * declares it where these options belong in its help.
 */
public final class SubmissionOptions {
    @Option(names = "--targets", split = ",", paramLabel = "TARGET",
            description = "targets, instance/database or instances/<i>/databases/<d> (default: all of the project)")
    List<String> targets;

    @Option(names = "--file-pattern", defaultValue = "schemas/**/*.sql",
            description = "glob of the desired-state SQL files, relative to the working directory (default: ${DEFAULT-VALUE})")
    String filePattern;

    @Option(names = "--declarative", arity = "0..1", defaultValue = "true",
            description = "the files are the desired state (the only mode; accepted for bytebase-action compatibility)")
    boolean declarative;

    public String filePattern() {
        return filePattern;
    }

    /**
     * A submission body with {@code mode}, the files and the chosen targets (blank ones dropped; none chosen: the
     * key is left out, which means every target of the project). The caller adds the rest in order after these.
     */
    public Map<String, Object> body(String mode, List<StateFile> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode);
        body.put("files", files.stream().map(f -> Map.of("path", f.path(), "content", f.content())).toList());
        if (targets != null && !targets.isEmpty()) {
            body.put("targets", targets.stream().map(String::trim).filter(t -> !t.isEmpty()).toList());
        }
        return body;
    }
}
