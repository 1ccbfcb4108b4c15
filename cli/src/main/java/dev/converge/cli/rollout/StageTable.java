package dev.converge.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders a rollout (the JSON of {@code GET /v1/rollouts/{id}}) as text and as a Markdown step summary. */
final class StageTable {
    private StageTable() {
    }

    static String text(JsonNode r) {
        StringBuilder sb = new StringBuilder();
        sb.append("rollout ").append(r.path("id").asText()).append(" (project ").append(r.path("project").asText())
                .append("): ").append(r.path("status").asText());
        if (r.hasNonNull("message")) {
            sb.append(" - ").append(r.get("message").asText());
        }
        sb.append('\n');
        for (JsonNode s : r.path("stages")) {
            sb.append(String.format("  stage %-12s %-18s %s%n", s.path("name").asText(), s.path("status").asText(),
                    policy(s)));
            for (JsonNode t : s.path("tasks")) {
                sb.append(String.format("    %-40s %-10s %s%n", t.path("target").asText(), t.path("status").asText(),
                        t.path("message").asText("")));
            }
        }
        return sb.toString();
    }

    static String markdown(JsonNode r) {
        StringBuilder sb = new StringBuilder();
        sb.append("### Converge rollout `").append(r.path("id").asText()).append("`: ")
                .append(r.path("status").asText()).append("\n\n");
        sb.append("| Stage | Status | Target | Task | Message |\n|---|---|---|---|---|\n");
        for (JsonNode s : r.path("stages")) {
            for (JsonNode t : s.path("tasks")) {
                sb.append("| ").append(s.path("name").asText()).append(" | ").append(s.path("status").asText())
                        .append(" | `").append(t.path("target").asText()).append("` | ").append(t.path("status").asText())
                        .append(" | ").append(cell(t.path("message").asText(""))).append(" |\n");
            }
        }
        return sb.append('\n').toString();
    }

    private static String policy(JsonNode s) {
        if (!s.path("needsApproval").asBoolean()) {
            return "automatic";
        }
        String by = s.hasNonNull("approvedBy") ? ", approved by " + s.get("approvedBy").asText() : "";
        return "approval by role '" + s.path("approverRole").asText("approver") + "'" + by;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\s+", " ");
    }
}
