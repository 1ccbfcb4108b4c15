package dev.converge.engine.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A coarse lexer for one statement: enough to classify it by its keywords without a full grammar.
 * Comments are dropped; strings, quoted identifiers and dollar-quoted bodies are single tokens.
 */
final class SqlTokens {

    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, DOLLAR_BODY, NUMBER, PUNCT }

    /**
     * @param text  the token's text; WORD tokens are upper-cased, STRING/QUOTED_IDENTIFIER tokens are unquoted
     * @param depth parenthesis depth at the token
     */
    record Token(Kind kind, String text, int depth) {
        boolean isWord(String upper) {
            return kind == Kind.WORD && text.equals(upper);
        }
    }

    private SqlTokens() {
    }

    static List<Token> of(String sql) {
        return of(sql, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens. */
    static List<Token> of(String sql, int limit) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n && tokens.size() < limit) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = skipBlockComment(sql, i);
            } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\''
                    && (i == 0 || !StatementSplitter.isIdentifierPart(sql.charAt(i - 1))))) {
                boolean escapes = c != '\'';
                int start = escapes ? i + 1 : i;
                int end = skipQuoted(sql, start, '\'', escapes);
                tokens.add(new Token(Kind.STRING, unquote(sql.substring(start, end), '\''), depth));
                i = end;
            } else if (c == '"') {
                int end = skipQuoted(sql, i, '"', false);
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, unquote(sql.substring(i, end), '"'), depth));
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                tokens.add(new Token(Kind.DOLLAR_BODY, sql.substring(i + tag.length(), close < 0 ? n : close), depth));
                i = end;
            } else if (StatementSplitter.isIdentifierStart(c)) {
                int start = i;
                while (i < n && StatementSplitter.isIdentifierPart(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i).toUpperCase(Locale.ROOT), depth));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), depth));
            } else {
                if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), depth));
                if (c == '(') {
                    depth++;
                }
                i++;
            }
        }
        return tokens;
    }

    static int skipBlockComment(String sql, int i) {
        int depth = 0;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    static int skipQuoted(String sql, int i, char quote, boolean escapes) {
        i++;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static String unquote(String quoted, char quote) {
        String inner = quoted.length() >= 2 && quoted.charAt(quoted.length() - 1) == quote
                ? quoted.substring(1, quoted.length() - 1) : quoted.substring(1);
        return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }

    /** The dollar-quote delimiter ({@code $$} or {@code $tag$}) starting at {@code i}, or null ({@code $1}, {@code a$b}). */
    static String dollarTag(String sql, int i) {
        if (i > 0 && StatementSplitter.isIdentifierPart(sql.charAt(i - 1))) {
            return null;
        }
        int j = i + 1;
        if (j < sql.length() && sql.charAt(j) == '$') {
            return "$$";
        }
        if (j >= sql.length() || !StatementSplitter.isIdentifierStart(sql.charAt(j))) {
            return null;
        }
        while (j < sql.length() && StatementSplitter.isIdentifierPart(sql.charAt(j)) && sql.charAt(j) != '$') {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }
}
