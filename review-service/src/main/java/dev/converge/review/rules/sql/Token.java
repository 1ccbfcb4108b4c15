package dev.converge.review.rules.sql;

/**
 * One lexical token of PostgreSQL SQL. {@code text} is the identifier as PostgreSQL sees it: unquoted words are
 * folded to lower case, quoted identifiers keep their case; strings keep their content without quotes.
 */
public record Token(Kind kind, String text, int offset) {
    public enum Kind {
        WORD, QUOTED, STRING, NUMBER, SYMBOL, PARAM
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }
}
