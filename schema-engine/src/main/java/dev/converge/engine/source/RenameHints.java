package dev.converge.engine.source;

import dev.converge.common.events.SourceLocation;
import dev.converge.engine.EngineException;
import dev.converge.engine.source.RenameHint.Kind;
import dev.converge.engine.source.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the {@code -- converge:renamed-from <old_name>} annotations of state files and the objects they name:
 * above a statement ({@code CREATE TABLE|INDEX|VIEW|MATERIALIZED VIEW|SEQUENCE|TYPE}) it renames that object;
 * inside a {@code CREATE TABLE}, above a column or {@code CONSTRAINT} line, it renames that column or
 * constraint; inside {@code CREATE TYPE … AS ENUM (…)}, above a value, it renames the value. An annotation
 * that stands above nothing renameable is an error naming its file and line (a silent no-op would turn into a
 * drop with data loss).
 */
public final class RenameHints {

    private RenameHints() {
    }

    public static List<RenameHint> of(List<SqlStatement> statements) {
        List<RenameHint> hints = new ArrayList<>();
        for (SqlStatement statement : statements) {
            collect(statement, hints);
        }
        return hints;
    }

    /**
     * Like {@link #of}, with unqualified names resolved to the first schema of the {@code search_path} the state
     * files set before the statement ({@code SET search_path …} or pg_dump's {@code set_config}), else
     * {@code defaultSchema}.
     */
    public static List<RenameHint> resolved(List<SqlStatement> statements, String defaultSchema) {
        List<RenameHint> hints = new ArrayList<>();
        String schema = defaultSchema;
        String file = null;
        for (SqlStatement statement : statements) {
            if (!statement.file().equals(file)) {
                file = statement.file(); // the shadow runs all files in one session: settings carry over
            }
            String set = searchPathSchema(statement.sql());
            if (set != null) {
                schema = set.isEmpty() ? defaultSchema : set;
            }
            List<RenameHint> found = new ArrayList<>();
            collect(statement, found);
            for (RenameHint h : found) {
                hints.add(h.schema() != null ? h
                        : new RenameHint(h.kind(), schema, h.parent(), h.newName(), h.oldName(), h.location()));
            }
        }
        return hints;
    }

    private static final java.util.regex.Pattern SET_SEARCH_PATH = java.util.regex.Pattern.compile(
            "(?is)^\\s*(?:SET\\s+(?:SESSION\\s+|LOCAL\\s+)?search_path\\s*(?:=|TO)\\s*(.*)"
                    + "|SELECT\\s+(?:pg_catalog\\s*\\.\\s*)?set_config\\s*\\(\\s*'search_path'\\s*,\\s*'([^']*)'.*)$");

    /** First schema of a search_path setting statement ("" for an empty path), or null for other statements. */
    static String searchPathSchema(String sql) {
        java.util.regex.Matcher m = SET_SEARCH_PATH.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        String list = m.group(1) != null ? m.group(1) : m.group(2);
        for (String entry : list.split(",")) {
            String e = entry.strip();
            if (e.startsWith("'") && e.endsWith("'") && e.length() >= 2) {
                e = e.substring(1, e.length() - 1).strip();
            }
            if (e.isEmpty() || e.equalsIgnoreCase("DEFAULT")) {
                continue;
            }
            if (e.equals("\"$user\"") || e.equals("$user") || e.equalsIgnoreCase("pg_catalog") || e.equalsIgnoreCase("pg_temp")) {
                continue;
            }
            return e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e.toLowerCase(Locale.ROOT);
        }
        return "";
    }

    private static void collect(SqlStatement statement, List<RenameHint> hints) {
        Target target = target(statement);
        int commentLine = statement.line() - statement.leadingComments().size();
        for (String comment : statement.leadingComments()) {
            Annotation a = Annotation.parse(comment, statement.file(), commentLine++);
            if (a != null && a.directive().equals(Annotation.RENAMED_FROM)) {
                if (target == null) {
                    throw misplaced(a, "it must stand directly above CREATE TABLE, INDEX, VIEW, MATERIALIZED VIEW, SEQUENCE or TYPE");
                }
                hints.add(new RenameHint(target.kind, target.schema, null, target.name, oldName(a), location(a)));
            }
        }
        String[] lines = statement.sql().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (!text.startsWith("--")) {
                continue;
            }
            Annotation a = Annotation.parse(text.substring(2), statement.file(), statement.line() + i);
            if (a == null || !a.directive().equals(Annotation.RENAMED_FROM)) {
                continue;
            }
            RenameHint inner = inner(target, a, nextCodeLine(lines, i + 1));
            if (inner == null) {
                throw misplaced(a, "inside a statement it must stand above a column or CONSTRAINT of CREATE TABLE, "
                        + "or a value of CREATE TYPE … AS ENUM");
            }
            hints.add(inner);
        }
    }

    private record Target(Kind kind, String schema, String name) {
    }

    /** The object a statement creates, when it is renameable. */
    private static Target target(SqlStatement statement) {
        List<Token> tokens = SqlTokens.of(statement.sql());
        int i = 0;
        if (tokens.isEmpty() || !tokens.get(i++).isWord("CREATE")) {
            return null;
        }
        while (i < tokens.size() && (tokens.get(i).isWord("OR") || tokens.get(i).isWord("REPLACE") || tokens.get(i).isWord("UNIQUE")
                || tokens.get(i).isWord("UNLOGGED") || tokens.get(i).isWord("RECURSIVE"))) {
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        Kind kind;
        String word = tokens.get(i).text();
        switch (word) {
            case "TABLE" -> kind = Kind.TABLE;
            case "INDEX" -> kind = Kind.INDEX;
            case "VIEW" -> kind = Kind.VIEW;
            case "SEQUENCE" -> kind = Kind.SEQUENCE;
            case "TYPE" -> kind = Kind.TYPE;
            case "MATERIALIZED" -> {
                kind = Kind.MATERIALIZED_VIEW;
                i++;
            }
            default -> {
                return null;
            }
        }
        i++;
        if (kind == Kind.INDEX && i < tokens.size() && tokens.get(i).isWord("CONCURRENTLY")) {
            i++;
        }
        if (i + 2 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("NOT")) {
            i += 3;
        }
        if (i >= tokens.size()) {
            return null;
        }
        String first = name(tokens.get(i));
        if (i + 2 < tokens.size() && tokens.get(i + 1).text().equals(".")) {
            return new Target(kind, first, name(tokens.get(i + 2)));
        }
        return new Target(kind, null, first);
    }

    private static RenameHint inner(Target target, Annotation a, String codeLine) {
        if (target == null || codeLine == null) {
            return null;
        }
        List<Token> tokens = SqlTokens.of(codeLine);
        if (tokens.isEmpty()) {
            return null;
        }
        Token first = tokens.get(0);
        String parent = target.name;
        if (target.kind == Kind.TYPE && first.kind() == SqlTokens.Kind.STRING) {
            return new RenameHint(Kind.ENUM_VALUE, target.schema, parent, first.text(), unquoteLiteral(oldName(a)), location(a));
        }
        if (target.kind != Kind.TABLE) {
            return null;
        }
        if (first.isWord("CONSTRAINT") && tokens.size() > 1) {
            return new RenameHint(Kind.CONSTRAINT, target.schema, parent, name(tokens.get(1)), oldName(a), location(a));
        }
        if (first.kind() == SqlTokens.Kind.WORD || first.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER) {
            if (first.isWord("PRIMARY") || first.isWord("UNIQUE") || first.isWord("CHECK") || first.isWord("FOREIGN")
                    || first.isWord("EXCLUDE") || first.isWord("LIKE")) {
                return null;
            }
            return new RenameHint(Kind.COLUMN, target.schema, parent, name(first), oldName(a), location(a));
        }
        return null;
    }

    private static String nextCodeLine(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            String text = lines[i].strip();
            if (!text.isEmpty() && !text.startsWith("--")) {
                return text;
            }
        }
        return null;
    }

    /** Identifier rules: unquoted names fold to lower case, quoted names stay as written. */
    private static String name(Token token) {
        return token.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER ? token.text() : token.text().toLowerCase(Locale.ROOT);
    }

    private static String oldName(Annotation a) {
        String old = String.join(" ", a.args());
        boolean quoted = old.length() >= 2 && (old.startsWith("\"") && old.endsWith("\"") || old.startsWith("'") && old.endsWith("'"));
        if (old.isEmpty() || (!quoted && a.args().size() != 1)) {
            throw misplaced(a, "write exactly one old name: -- converge:renamed-from <old_name>");
        }
        if (old.startsWith("\"")) {
            return old.substring(1, old.length() - 1).replace("\"\"", "\"");
        }
        return old.startsWith("'") ? old : old.toLowerCase(Locale.ROOT);
    }

    private static String unquoteLiteral(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1).replace("''", "'") : value;
    }

    private static SourceLocation location(Annotation a) {
        return new SourceLocation(a.file(), a.line(), 0);
    }

    private static EngineException misplaced(Annotation a, String rule) {
        return new EngineException(EngineException.Code.STATE_FILE_INVALID,
                a.file() + ":" + a.line() + ": misplaced converge:renamed-from (" + rule + ")", location(a));
    }
}
