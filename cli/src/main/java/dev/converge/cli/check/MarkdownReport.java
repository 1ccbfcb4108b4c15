package dev.converge.cli.check;

import dev.converge.common.events.Finding;
import dev.converge.common.events.Hazard;
import dev.converge.common.events.PlannedStatement;

/** The pull-request comment and step summary: per target the SQL that would run, its hazards and the findings. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    /** The hidden marker that identifies this project's comment, so later runs update it instead of adding one. */
    static String marker(String project) {
        return "<!-- converge-check:" + project + " -->";
    }

    static String render(CheckResult result, Threshold threshold, boolean failed, String detailsUrl) {
        StringBuilder md = new StringBuilder();
        md.append(marker(result.project())).append('\n');
        md.append("## ").append(failed ? "❌" : "✅").append(" Converge check — project `").append(result.project())
                .append("`\n\n");
        md.append(TextReport.verdictLine(result, threshold, failed)).append(".");
        if (detailsUrl != null) {
            md.append(" Submission `").append(result.id()).append("`.");
        }
        md.append("\n\n| target | environment | statements | review |\n|---|---|---|---|\n");
        for (CheckResult.Target t : result.targets()) {
            md.append("| `").append(t.target()).append("` | ").append(nullToDash(t.environment())).append(" | ")
                    .append(t.plan() == null ? "—" : String.valueOf(t.plan().statements().size())).append(" | ")
                    .append(reviewCell(t)).append(" |\n");
        }
        for (CheckResult.Target t : result.targets()) {
            md.append("\n### `").append(t.target()).append("`\n\n");
            for (CheckResult.TargetError e : t.errors()) {
                md.append("**Planning failed** (`").append(e.code()).append("`): ").append(escape(e.message())).append("\n\n");
            }
            if (t.plan() != null) {
                if (t.plan().statements().isEmpty()) {
                    md.append("No changes: the target already has the desired schema.\n\n");
                } else {
                    md.append("<details open><summary>SQL that would run (").append(t.plan().statements().size())
                            .append(" statements)</summary>\n\n```sql\n").append(PlanSql.render(t.plan().statements()))
                            .append("```\n\n</details>\n\n");
                    StringBuilder hazards = new StringBuilder();
                    for (PlannedStatement s : t.plan().statements()) {
                        for (Hazard h : s.hazards()) {
                            hazards.append("- statement ").append(s.index() + 1).append(": **").append(h.code())
                                    .append("** ").append(escape(h.message())).append('\n');
                        }
                    }
                    if (!hazards.isEmpty()) {
                        md.append("**Hazards**\n\n").append(hazards).append('\n');
                    }
                }
            }
            if (t.review() != null && !t.review().findings().isEmpty()) {
                md.append("**Findings**\n\n| severity | rule | statement | where | message |\n|---|---|---|---|---|\n");
                for (Finding f : t.review().findings()) {
                    md.append("| ").append(f.severity()).append(" | `").append(f.ruleId()).append("` | ")
                            .append(f.statementIndex() >= 0 ? String.valueOf(f.statementIndex() + 1) : "—").append(" | ")
                            .append(f.location() == null ? "—" : "`" + f.location() + "`").append(" | ")
                            .append(escape(f.message())).append(" |\n");
                }
                md.append('\n');
            }
            if (t.review() != null) {
                t.review().notices().forEach(n -> md.append("> ").append(escape(n)).append('\n'));
            }
        }
        return md.toString();
    }

    private static String reviewCell(CheckResult.Target t) {
        if (!t.errors().isEmpty()) {
            return "❌ planning failed";
        }
        if (!t.reviewed()) {
            return "pending";
        }
        return switch (String.valueOf(t.review().verdict())) {
            case "PASS" -> "✅ PASS";
            case "WARN" -> "⚠️ WARN";
            default -> "❌ " + t.review().verdict();
        };
    }

    private static String nullToDash(String s) {
        return s == null ? "—" : s;
    }

    /** Keeps user text from breaking table cells. */
    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }
}
