package dev.converge.review.rules.sql;

import java.util.ArrayList;
import java.util.List;

/** A read position over tokens with the look-ahead helpers the DDL parser needs. */
final class TokenCursor {
    private final String sql;
    private final List<Token> tokens;
    private int pos;

    TokenCursor(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token next() {
        return atEnd() ? null : tokens.get(pos++);
    }

    boolean isWord(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token t = peek(i);
            if (t == null || !t.isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** Consumes the words if they come next, in order. */
    boolean accept(String... words) {
        if (isWord(words)) {
            pos += words.length;
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) {
        Token t = peek();
        if (t != null && t.isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean isSymbol(String symbol) {
        Token t = peek();
        return t != null && t.isSymbol(symbol);
    }

    String identifier() {
        Token t = next();
        return t == null ? "" : t.text();
    }

    /** {@code a}, {@code a.b} or {@code "A"."b"}; one part means the default schema. */
    QualifiedName qualifiedName() {
        String first = identifier();
        if (acceptSymbol(".")) {
            return QualifiedName.of(first, identifier());
        }
        return QualifiedName.of(null, first);
    }

    /** {@code (a, b, "C")}: identifiers inside parentheses; expressions are kept as their source text. */
    List<String> parenthesisedNames() {
        List<String> names = new ArrayList<>();
        if (!acceptSymbol("(")) {
            return names;
        }
        while (!atEnd() && !isSymbol(")")) {
            int start = pos;
            skipUntilTopLevel(",", ")");
            if (pos - start == 1 && tokens.get(start).isIdentifier()) {
                names.add(tokens.get(start).text());
            } else if (pos > start) {
                names.add(text(start, pos));
            }
            acceptSymbol(",");
        }
        acceptSymbol(")");
        return names;
    }

    /** Consumes a balanced {@code ( ... )} and returns the inner source text. */
    String parenthesisedText() {
        if (!isSymbol("(")) {
            return "";
        }
        int open = pos;
        skipBalanced();
        return pos - open >= 2 ? text(open + 1, pos - 1) : "";
    }

    /** Advances to (not past) the next top-level token equal to one of the symbols or words, or the end. */
    void skipUntilTopLevel(String... stops) {
        while (!atEnd()) {
            Token t = peek();
            for (String s : stops) {
                if (t.isSymbol(s) || t.isWord(s)) {
                    return;
                }
            }
            if (t.isSymbol("(")) {
                skipBalanced();
            } else {
                pos++;
            }
        }
    }

    void skipBalanced() {
        int depth = 0;
        while (!atEnd()) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
                if (depth <= 0) {
                    return;
                }
            }
        }
    }

    int position() {
        return pos;
    }

    /** Source text from token {@code from} (inclusive) to token {@code to} (exclusive). */
    String text(int from, int to) {
        if (from >= to || from >= tokens.size()) {
            return "";
        }
        int start = tokens.get(from).offset();
        int end = to < tokens.size() ? tokens.get(to).offset() : sql.length();
        return sql.substring(start, end).strip();
    }

    String rest() {
        return text(pos, tokens.size());
    }
}
