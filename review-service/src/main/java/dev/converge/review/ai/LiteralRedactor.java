package dev.converge.review.ai;

import dev.converge.review.rules.sql.SqlLexer;
import dev.converge.review.rules.sql.Token;
import java.util.List;

/**
 * Replaces string literals and dollar-quoted bodies with {@code '?'} so that values (defaults, check constants,
 * comments, function bodies) do not leave the house. Identifiers, keywords and numbers stay: the review needs them.
 */
public final class LiteralRedactor {
    private LiteralRedactor() {
    }

    public static String redact(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Token t : tokens) {
            if (t.kind() != Token.Kind.STRING) {
                continue;
            }
            int start = t.offset();
            int end = literalEnd(sql, start);
            out.append(sql, copied, start).append("'?'");
            copied = end;
        }
        return out.append(sql.substring(Math.min(copied, sql.length()))).toString();
    }

    /** End offset of the literal starting at {@code start} ('...', E'...', or $tag$...$tag$). */
    private static int literalEnd(String sql, int start) {
        char c = sql.charAt(start);
        if (c == '$') {
            int tagEnd = sql.indexOf('$', start + 1);
            String tag = sql.substring(start, tagEnd + 1);
            int close = sql.indexOf(tag, tagEnd + 1);
            return close < 0 ? sql.length() : close + tag.length();
        }
        int i = c == '\'' ? start + 1 : start + 2;
        while (i < sql.length()) {
            if (sql.charAt(i) == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (sql.charAt(i) == '\\' && c != '\'') {
                i += 2;
                continue;
            }
            i++;
        }
        return sql.length();
    }
}
