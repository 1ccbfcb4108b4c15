package dev.converge.review.rules.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons, aware of strings, quoted identifiers, dollar
 * quotes and comments. Each piece keeps the 1-based line it starts on, so findings can point at file:line.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /** One statement of a script: its text (without the semicolon), start offset and 1-based line. */
    public record Piece(String sql, int offset, int line) {
    }

    public static List<Piece> split(String script) {
        List<Piece> out = new ArrayList<>();
        int n = script.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                i = SqlLexer.skipLine(script, i);
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                i = SqlLexer.skipBlockComment(script, i);
            } else if (c == '"' || c == '\'') {
                i = SqlLexer.quotedEnd(script, i, c);
            } else if (c == '$' && SqlLexer.dollarTag(script, i) != null) {
                String tag = SqlLexer.dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
            } else if (c == ';') {
                add(out, script, start, i);
                start = i + 1;
                i++;
            } else {
                i++;
            }
        }
        add(out, script, start, n);
        return out;
    }

    private static void add(List<Piece> out, String script, int start, int end) {
        String text = script.substring(start, end);
        if (SqlLexer.tokenize(text).isEmpty()) {
            return;
        }
        int firstCode = start + firstTokenOffset(text);
        out.add(new Piece(text.strip(), firstCode, lineOf(script, firstCode)));
    }

    private static int firstTokenOffset(String text) {
        return SqlLexer.tokenize(text).get(0).offset();
    }

    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
