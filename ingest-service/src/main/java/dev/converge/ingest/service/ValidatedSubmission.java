package dev.converge.ingest.service;

import dev.converge.common.Hashing;
import dev.converge.common.config.TargetRef;
import dev.converge.common.events.Mode;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.json.Json;

import java.util.List;

/** A submission that passed every check: files decoded and hashed, targets resolved against the project. */
public record ValidatedSubmission(
        String project,
        Mode mode,
        List<StateFile> files,
        List<TargetRef> targets,
        String customRules,
        VcsMetadata vcs) {

    public ValidatedSubmission {
        files = List.copyOf(files);
        targets = List.copyOf(targets);
        vcs = vcs == null ? VcsMetadata.NONE : vcs;
    }

    public List<String> targetNames() {
        return targets.stream().map(TargetRef::toString).toList();
    }

    public long totalBytes() {
        return files.stream().mapToLong(f -> Utf8.byteLength(f.content())).sum();
    }

    /**
     * Identifies the request's meaning (not its spelling): the same files, targets, rules and VCS metadata give
     * the same fingerprint however the client encoded them. Used to tell an idempotent retry from a reused key.
     */
    public String fingerprint() {
        record Canonical(String project, Mode mode, List<String> files, List<String> targets, String customRules,
                         VcsMetadata vcs) {
        }
        List<String> fileIds = files.stream().map(f -> f.path() + "\u0000" + f.sha256()).toList();
        return Hashing.sha256Hex(Json.encode(new Canonical(project, mode, fileIds, targetNames(), customRules, vcs)));
    }
}
