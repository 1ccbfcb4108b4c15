package dev.converge.engine.source;

import java.util.List;
import java.util.Locale;

/**
 * What a {@code CREATE EXTENSION} statement asks for, read from its tokens, so that the shadow database can decide
 * by the server's catalog how to run it (see {@link CheckedStatement.Disposition#BY_EXTENSION_POLICY}).
 *
 * @param name    the extension's name as PostgreSQL sees it (unquoted words folded to lower case), or null when the
 *                statement has a shape this reader does not follow exactly (then it may only run unprivileged)
 * @param version the {@code VERSION} clause, or null for the extension's default version
 * @param cascade whether {@code CASCADE} also installs the extensions it requires
 */
public record ExtensionRequest(String name, String version, boolean cascade) {

    /**
     * {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]} from the token after
     * {@code EXTENSION}; anything else gives a request without a name.
     */
    static ExtensionRequest of(List<SqlTokens.Token> tokens, int i) {
        i = nameAt(tokens, i);
        String name = i < tokens.size() ? identifier(tokens.get(i)) : null;
        String version = null;
        boolean cascade = false;
        for (i++; name != null && i < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            if (t.isWord("WITH")) {
                continue;
            }
            if (t.isWord("CASCADE")) {
                cascade = true;
            } else if (t.isWord("SCHEMA") && i + 1 < tokens.size() && identifier(tokens.get(i + 1)) != null) {
                i++;
            } else if (t.isWord("VERSION") && i + 1 < tokens.size() && versionOf(tokens.get(i + 1)) != null) {
                version = versionOf(tokens.get(++i));
            } else if (!(t.kind() == SqlTokens.Kind.PUNCT && t.text().equals(";") && i == tokens.size() - 1)) {
                name = null;
            }
        }
        return new ExtensionRequest(name, name == null ? null : version, name != null && cascade);
    }

    /** Where the extension's name is, given the token after {@code EXTENSION}: past {@code IF NOT EXISTS}. */
    static int nameAt(List<SqlTokens.Token> tokens, int i) {
        return i + 2 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("NOT")
                && tokens.get(i + 2).isWord("EXISTS") ? i + 3 : i;
    }

    private static String identifier(SqlTokens.Token t) {
        return switch (t.kind()) {
            case WORD -> t.text().toLowerCase(Locale.ROOT);
            case QUOTED_IDENTIFIER -> t.text().isEmpty() ? null : t.text();
            default -> null;
        };
    }

    private static String versionOf(SqlTokens.Token t) {
        return t.kind() == SqlTokens.Kind.STRING ? t.text() : identifier(t);
    }
}
