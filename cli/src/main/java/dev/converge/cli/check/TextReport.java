package dev.converge.cli.check;

import dev.converge.common.events.Finding;
import dev.converge.common.events.SourceLocation;

import java.util.List;

/** The report {@code converge check} prints on stdout: per target the exact SQL, its hazards and the findings. */
final class TextReport {
    private TextReport() {
    }

    static String render(CheckResult result, Threshold threshold, boolean failed) {
        StringBuilder out = new StringBuilder();
        out.append("Converge check: project ").append(result.project()).append(", submission ").append(result.id())
                .append('\n');
        for (CheckResult.Target t : result.targets()) {
            out.append('\n').append("== ").append(t.target());
            if (t.environment() != null) {
                out.append(" (").append(t.environment()).append(')');
            }
            out.append(": ").append(headline(t)).append('\n');
            for (CheckResult.TargetError e : t.errors()) {
                out.append("ERROR ").append(e.code()).append(": ");
                if (e.where() != null && !e.message().startsWith(e.where())) {
                    out.append(e.where()).append(": ");
                }
                out.append(e.message()).append('\n');
            }
            if (t.plan() != null) {
                t.plan().summary().forEach(s -> out.append("  * ").append(s).append('\n'));
                if (t.plan().statements().isEmpty()) {
                    out.append("-- no changes: the target already has the desired schema\n");
                } else {
                    out.append("-- SQL that would run on ").append(t.target()).append(":\n");
                    out.append(PlanSql.render(t.plan().statements()));
                    out.append("-- end of SQL for ").append(t.target()).append('\n');
                }
            }
            if (t.review() != null) {
                for (Finding f : t.review().findings()) {
                    out.append(finding(f)).append('\n');
                }
                t.review().notices().forEach(n -> out.append("note: ").append(n).append('\n'));
            }
        }
        out.append('\n').append(verdictLine(result, threshold, failed)).append('\n');
        return out.toString();
    }

    static String headline(CheckResult.Target t) {
        if (!t.errors().isEmpty()) {
            return "planning failed";
        }
        if (t.plan() == null) {
            return "no plan yet (" + t.status() + ")";
        }
        String statements = t.plan().statements().size() + " statement" + (t.plan().statements().size() == 1 ? "" : "s");
        String review = t.reviewed() ? "review " + t.review().verdict() : "review pending";
        return statements + ", " + review;
    }

    static String finding(Finding f) {
        StringBuilder sb = new StringBuilder(String.format("%-7s [%s]", f.severity(), f.ruleId()));
        if (f.statementIndex() >= 0) {
            sb.append(" statement ").append(f.statementIndex() + 1);
        }
        SourceLocation at = f.location();
        if (at != null && at.file() != null) {
            sb.append(" at ").append(at);
        }
        sb.append(": ").append(f.message());
        if (f.suggestion() != null && !f.suggestion().isBlank()) {
            sb.append(" (suggestion: ").append(f.suggestion().strip()).append(')');
        }
        return sb.toString();
    }

    static String verdictLine(CheckResult result, Threshold threshold, boolean failed) {
        String counts = result.errors() + " error" + (result.errors() == 1 ? "" : "s") + ", " + result.warnings()
                + " warning" + (result.warnings() == 1 ? "" : "s");
        return (failed ? "FAILED" : "PASSED") + ": " + counts + " across " + result.targets().size() + " target"
                + (result.targets().size() == 1 ? "" : "s") + " (--check-release " + threshold + ")";
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }
}
