package dev.converge.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.events.Finding;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.Severity;

import java.util.List;

/**
 * A submission as {@code GET /v1/submissions/{id}} returns it (the fields the CLI uses), plus the raw JSON for
 * {@code --output}.
 */
public record CheckResult(String id, String project, String status, List<Target> targets) {
    public CheckResult {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    public int errors() {
        return targets.stream().mapToInt(Target::errorCount).sum();
    }

    public int warnings() {
        return targets.stream().mapToInt(Target::warningCount).sum();
    }

    public record Target(String target, String environment, String status, Plan plan, Review review,
                         List<TargetError> errors) {
        public Target {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        List<Finding> findings() {
            return review == null || review.findings() == null ? List.of() : review.findings();
        }

        int errorCount() {
            return errors.size() + (int) findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        }

        int warningCount() {
            return (int) findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        }

        boolean reviewed() {
            return review != null && "COMPLETED".equals(review.status());
        }
    }

    public record Plan(String baseHash, String desiredHash, String planHash, boolean empty,
                       List<PlannedStatement> statements, List<String> summary) {
        public Plan {
            statements = statements == null ? List.of() : List.copyOf(statements);
            summary = summary == null ? List.of() : List.copyOf(summary);
        }
    }

    public record Review(String status, String verdict, List<Finding> findings, List<String> notices) {
        public Review {
            findings = findings == null ? List.of() : List.copyOf(findings);
            notices = notices == null ? List.of() : List.copyOf(notices);
        }
    }

    public record TargetError(String code, String message, String file, Integer line, Integer column) {
        String where() {
            if (file == null) {
                return null;
            }
            return file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column));
        }
    }

    /** The server's answer together with its raw JSON (written unchanged by {@code --output}). */
    public record Fetched(CheckResult result, JsonNode raw) {
    }
}
