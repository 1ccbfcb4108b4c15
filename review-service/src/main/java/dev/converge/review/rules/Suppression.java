package dev.converge.review.rules;

import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.StateFile;
import dev.converge.review.rules.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline suppression in a state file: {@code -- converge:ignore <rule-id> <reason>}.
 * Scope: written inside a statement or on the lines directly above it (no blank line between), it covers
 * findings about that statement's table; anywhere else (followed by a blank line, at the end of a file) it
 * covers the rule's findings on the whole plan, which is how a drop of an object no longer in the files is
 * accepted.
 *
 * @param scope the table the suppression is limited to, or null for the whole plan
 */
public record Suppression(String ruleId, String reason, SourceLocation location, QualifiedName scope) {
    private static final Pattern COMMENT = Pattern.compile("--\\s*converge:ignore\\b\\s*(\\S*)\\s*(.*)$");

    public boolean covers(RuleHit hit) {
        return hit.ruleId().equals(ruleId) && (scope == null || scope.equals(hit.subject()));
    }

    public static List<Suppression> parse(List<StateFile> files, DesiredSchema schema) {
        List<Suppression> out = new ArrayList<>();
        for (StateFile f : files) {
            String[] lines = f.content().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = COMMENT.matcher(lines[i]);
                if (!m.find()) {
                    continue;
                }
                int line = i + 1;
                SourceLocation at = new SourceLocation(f.path(), line, m.start() + 1);
                out.add(new Suppression(m.group(1), m.group(2).trim(), at, scopeOf(f.path(), line, lines, schema)));
            }
        }
        return out;
    }

    private static QualifiedName scopeOf(String file, int line, String[] lines, DesiredSchema schema) {
        for (DesiredSchema.SourceStatement st : schema.statements()) {
            if (!st.file().equals(file)) {
                continue;
            }
            if (st.line() <= line && line <= st.endLine()) {
                return st.subject();
            }
            if (st.line() > line) {
                return directlyAbove(lines, line, st.line()) ? st.subject() : null;
            }
        }
        return null;
    }

    /** True when only comment lines separate the suppression from the statement (no blank line). */
    private static boolean directlyAbove(String[] lines, int commentLine, int statementLine) {
        for (int l = commentLine + 1; l < statementLine; l++) {
            String text = lines[l - 1].trim();
            if (!text.startsWith("--")) {
                return false;
            }
        }
        return true;
    }
}
