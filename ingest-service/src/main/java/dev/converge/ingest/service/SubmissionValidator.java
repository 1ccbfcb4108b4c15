package dev.converge.ingest.service;

import dev.converge.common.Hashing;
import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.Project;
import dev.converge.common.config.TargetRef;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.StateFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every check a submission must pass before anything is stored or published. Checks run from cheap to
 * expensive, and each failing check reports all offending items at once so a user fixes them in one go.
 */
public class SubmissionValidator {
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final ConvergeConfig config;
    private final IngestLimits limits;
    private final StateFileRules rules;

    public SubmissionValidator(ConvergeConfig config, IngestLimits limits, StateFileRules rules) {
        this.config = config;
        this.limits = limits;
        this.rules = rules;
    }

    public ValidatedSubmission validate(String projectName, SubmissionRequest request) {
        Project project = config.project(projectName);
        if (project == null) {
            throw new ApiException(404, "UNKNOWN_PROJECT", "project '" + projectName + "' is not configured (known: "
                    + config.projects().keySet() + ")");
        }
        if (request == null) {
            throw new ApiException(400, "INVALID_REQUEST", "the request body is empty; send a JSON submission");
        }
        if (request.mode() == null) {
            throw new ApiException(400, "INVALID_REQUEST", "field 'mode' is required (CHECK or ROLLOUT)",
                    List.of(ErrorDetail.field("mode", "required")));
        }
        List<FileSubmission> files = request.files() == null ? List.of() : request.files();
        if (files.isEmpty()) {
            throw new ApiException(400, "EMPTY_FILE_SET", "the submission has no files; send at least one state file",
                    List.of(ErrorDetail.field("files", "empty")));
        }
        if (files.size() > limits.maxFiles()) {
            throw new ApiException(413, "TOO_MANY_FILES", "the submission has " + files.size()
                    + " files; the limit is " + limits.maxFiles());
        }
        checkPaths(files);
        List<StateFile> decoded = decode(files);
        checkSizes(decoded, request.customRules());
        List<TargetRef> targets = resolveTargets(project, request.targets());
        checkAllowlist(decoded);
        return new ValidatedSubmission(projectName, request.mode(), decoded, targets, request.customRules(),
                request.vcs() == null ? null : request.vcs().metadata());
    }

    private void checkPaths(List<FileSubmission> files) {
        List<ErrorDetail> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String field = "files[" + i + "].path";
            FileSubmission f = files.get(i);
            if (f == null) {
                problems.add(ErrorDetail.field("files[" + i + "]", "is null"));
                continue;
            }
            String problem = pathProblem(f.path());
            if (problem != null) {
                problems.add(ErrorDetail.field(field, "'" + printable(f.path()) + "' " + problem));
            } else if (!seen.add(f.path())) {
                problems.add(ErrorDetail.field(field, "'" + f.path() + "' appears more than once"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "INVALID_PATH", problems.size() == 1 ? "invalid file path: " + problems.get(0).message()
                    : problems.size() + " invalid file paths; paths must be relative, use '/' and stay inside the repository",
                    problems);
        }
    }

    /** Why a path cannot be accepted, or null. Paths must be repository-relative and normalized. */
    static String pathProblem(String path) {
        if (path == null || path.isBlank()) {
            return "is empty";
        }
        if (path.length() > 1024) {
            return "is longer than 1024 characters";
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                return "contains a control character";
            }
        }
        if (path.startsWith("/") || path.startsWith("\\") || WINDOWS_DRIVE.matcher(path).matches()) {
            return "is absolute; send paths relative to the repository root";
        }
        if (path.indexOf('\\') >= 0) {
            return "contains '\\'; use '/' as the separator";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "leaves the repository ('..' segment)";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "is not normalized (empty or '.' segment)";
            }
        }
        return null;
    }

    private static String printable(String path) {
        return path == null ? "" : path.replaceAll("\\p{Cntrl}", "?");
    }

    private List<StateFile> decode(List<FileSubmission> files) {
        List<ErrorDetail> problems = new ArrayList<>();
        List<StateFile> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileSubmission f = files.get(i);
            String text;
            try {
                text = text(f, i);
                Utf8.checkText(text);
            } catch (Utf8.InvalidText e) {
                problems.add(ErrorDetail.at(new SourceLocation(f.path(), e.line, 0), f.path() + " " + e.getMessage()));
                continue;
            } catch (FieldProblem e) {
                problems.add(ErrorDetail.field(e.field, e.getMessage()));
                continue;
            }
            out.add(new StateFile(f.path(), text, Hashing.sha256Hex(text.getBytes(StandardCharsets.UTF_8))));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "INVALID_CONTENT", problems.size() == 1 ? problems.get(0).oneLine()
                    : problems.size() + " files have invalid content; state files must be UTF-8 text without NUL", problems);
        }
        return out;
    }

    private static String text(FileSubmission f, int index) throws Utf8.InvalidText, FieldProblem {
        boolean hasText = f.content() != null;
        boolean hasBase64 = f.contentBase64() != null;
        if (hasText == hasBase64) {
            throw new FieldProblem("files[" + index + "]", f.path() + ": set exactly one of 'content' or 'contentBase64'");
        }
        if (hasText) {
            return f.content();
        }
        byte[] bytes;
        try {
            // Line breaks are tolerated (some encoders wrap at 76 columns); anything else non-base64 is refused.
            bytes = Base64.getDecoder().decode(f.contentBase64().replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("files[" + index + "].contentBase64", f.path() + ": contentBase64 is not valid base64");
        }
        return Utf8.decodeStrict(bytes);
    }

    private void checkSizes(List<StateFile> files, String customRules) {
        long total = files.stream().mapToLong(f -> Utf8.byteLength(f.content())).sum();
        if (total > limits.maxTotalBytes()) {
            throw new ApiException(413, "SUBMISSION_TOO_LARGE", "the files total " + total + " bytes; the limit is "
                    + limits.maxTotalBytes() + " bytes (converge.ingest.limits.max-total-bytes)");
        }
        if (customRules != null) {
            try {
                Utf8.checkText(customRules);
            } catch (Utf8.InvalidText e) {
                throw new ApiException(400, "INVALID_CONTENT", "customRules (line " + e.line + ") " + e.getMessage(),
                        List.of(ErrorDetail.field("customRules", e.getMessage())));
            }
            long rulesBytes = Utf8.byteLength(customRules);
            if (rulesBytes > limits.maxCustomRulesBytes()) {
                throw new ApiException(413, "CUSTOM_RULES_TOO_LARGE", "customRules has " + rulesBytes
                        + " bytes; the limit is " + limits.maxCustomRulesBytes() + " bytes");
            }
        }
    }

    private List<TargetRef> resolveTargets(Project project, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return config.targetsInOrder(project);
        }
        List<ErrorDetail> problems = new ArrayList<>();
        Set<TargetRef> wanted = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String raw = requested.get(i);
            String field = "targets[" + i + "]";
            TargetRef ref;
            try {
                ref = TargetRef.parse(raw);
            } catch (IllegalArgumentException e) {
                problems.add(ErrorDetail.field(field, e.getMessage()));
                continue;
            }
            if (project.environmentOf(ref) == null) {
                problems.add(ErrorDetail.field(field, "'" + ref + "' is not a target of project '" + project.name()
                        + "' (its targets: " + config.targetsInOrder(project) + ")"));
            } else {
                wanted.add(ref);
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, "UNKNOWN_TARGET", problems.size() == 1 ? problems.get(0).oneLine()
                    : problems.size() + " targets are not targets of project '" + project.name() + "'", problems);
        }
        // Keep the project's rollout order whatever order the client listed them in.
        return config.targetsInOrder(project).stream().filter(wanted::contains).toList();
    }

    private void checkAllowlist(List<StateFile> files) {
        List<ErrorDetail> problems = new ArrayList<>();
        for (StateFile f : files) {
            for (StateFileRules.Violation v : rules.check(f.path(), f.content())) {
                problems.add(ErrorDetail.at(v.location(), v.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, "STATE_FILE_INVALID", problems.size() == 1 ? problems.get(0).oneLine()
                    : problems.size() + " statements do not belong in state files; first: " + problems.get(0).oneLine(),
                    problems);
        }
    }

    /** A problem with one request field that is not about file content. */
    private static final class FieldProblem extends Exception {
        final String field;

        FieldProblem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
