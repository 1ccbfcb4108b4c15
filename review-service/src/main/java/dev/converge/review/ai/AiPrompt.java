package dev.converge.review.ai;

import dev.converge.common.Hashing;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.review.rules.DesiredSchema;
import dev.converge.review.rules.RuleEngine;
import dev.converge.review.rules.sql.DdlParser;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.QualifiedName;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the model is asked: the team's Markdown rules, the plan's SQL with statement numbers, and the part of the
 * desired schema the plan touches. Two targets with the same plan give the same prompt, hence the same cache key.
 */
public record AiPrompt(String system, String user, String cacheKey) {
    /** Bump when the wording or answer format changes, so that old cached answers are not reused. */
    static final String VERSION = "converge-ai-review-v1";

    static final String SYSTEM = """
            You review PostgreSQL migration SQL for a team, strictly against the team's own rules given in Markdown.
            Report only violations of those rules, each citing the number of the statement that violates it
            (use -1 only for a problem of the plan as a whole). Answer with one JSON object and nothing else:
            {"findings": [{"rule": "<the rule as named in the Markdown>", "severity": "INFO|WARNING|ERROR",
              "statement": <number>, "message": "<what is wrong, one sentence>", "suggestion": "<how to fix>",
              "file": "<state file path if known, else null>", "line": <line in that file if known, else null>}]}
            If nothing violates the rules, answer {"findings": []}.
            """;

    public static AiPrompt of(PlanComputed plan, String customRules, String model, boolean redact) {
        StringBuilder sql = new StringBuilder();
        Set<QualifiedName> touched = new LinkedHashSet<>();
        for (PlannedStatement s : plan.statements()) {
            String text = redact ? LiteralRedactor.redact(s.sql()) : s.sql();
            sql.append("[").append(s.index()).append("] ").append(text.strip()).append(";\n");
            QualifiedName t = Ddl.subjectOf(DdlParser.parse(s.sql()));
            if (t != null) {
                touched.add(t);
            }
        }
        StringBuilder schema = new StringBuilder();
        for (DesiredSchema.SourceStatement st : DesiredSchema.fromFiles(RuleEngine.filesOf(plan)).statements()) {
            if (st.subject() != null && touched.contains(st.subject())) {
                schema.append("-- ").append(st.file()).append(':').append(st.line()).append('\n')
                        .append(redact ? LiteralRedactor.redact(st.sql()) : st.sql()).append(";\n");
            }
        }
        String user = "## Team rules\n\n" + customRules.strip() + "\n\n## Plan statements\n\n" + sql
                + "\n## Desired schema (the objects the plan touches)\n\n"
                + (schema.length() == 0 ? "(none)\n" : schema.toString());
        String key = Hashing.sha256Hex(String.join("\u0000", VERSION, model, customRules.strip(), sql, schema));
        return new AiPrompt(SYSTEM, user, key);
    }
}
