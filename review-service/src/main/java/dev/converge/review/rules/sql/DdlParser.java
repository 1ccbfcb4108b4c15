package dev.converge.review.rules.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Reads the DDL a plan or a state file contains into {@link Ddl}. PostgreSQL forms JSqlParser 5.4 does not
 * accept ({@code ADD CONSTRAINT ... NOT VALID}, {@code SET DATA TYPE}, {@code DROP INDEX CONCURRENTLY}) are common
 * in plans, so table DDL is read from tokens; JSqlParser reads view queries, where SQL is arbitrary.
 * Never throws: what it cannot read becomes {@link Ddl.Other}.
 */
public final class DdlParser {
    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of("not", "null", "default", "primary", "unique",
            "references", "check", "constraint", "generated", "collate", "deferrable", "initially");

    private DdlParser() {
    }

    public static Ddl parse(String sql) {
        try {
            return parseOrThrow(sql);
        } catch (RuntimeException e) {
            return new Ddl.Other(leadingWords(sql));
        }
    }

    /** Reads a type as PostgreSQL's format_type() prints it, e.g. {@code character varying(100)}. */
    public static TypeName parseType(String text) {
        return type(new TokenCursor(text, SqlLexer.tokenize(text)));
    }

    private static Ddl parseOrThrow(String sql) {
        TokenCursor c = new TokenCursor(sql, SqlLexer.tokenize(sql));
        if (c.accept("create")) {
            c.accept("or", "replace");
            boolean unlogged = c.accept("unlogged");
            c.accept("temporary");
            c.accept("temp");
            if (c.accept("table")) {
                return createTable(c, unlogged);
            }
            boolean unique = c.accept("unique");
            if (c.accept("index")) {
                return createIndex(c, unique);
            }
            boolean materialized = c.accept("materialized");
            c.accept("recursive");
            if (c.accept("view")) {
                return createView(c, materialized);
            }
        } else if (c.accept("alter", "table")) {
            return alterTable(c);
        } else if (c.isWord("alter") && c.peek(1) != null && c.peek(2) != null) {
            return alterOther(c, sql);
        } else if (c.accept("drop")) {
            return drop(c);
        } else if (c.accept("comment", "on")) {
            return comment(c);
        } else if (c.accept("set")) {
            c.accept("local");
            c.accept("session");
            String name = c.identifier();
            if (c.acceptSymbol("=") || c.accept("to")) {
                return new Ddl.SetParameter(name, c.rest().replace("'", "").trim());
            }
        }
        return new Ddl.Other(leadingWords(sql));
    }

    private static Ddl createTable(TokenCursor c, boolean unlogged) {
        c.accept("if", "not", "exists");
        QualifiedName table = c.qualifiedName();
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        boolean partition = false;
        if (c.accept("partition", "of")) {
            partition = true;
            c.qualifiedName();
        }
        if (c.acceptSymbol("(")) {
            while (!c.atEnd() && !c.isSymbol(")")) {
                if (c.isWord("constraint") || c.isWord("primary") || c.isWord("unique") || c.isWord("foreign")
                        || c.isWord("check") || c.isWord("exclude")) {
                    constraints.add(tableConstraint(c));
                } else if (c.isWord("like")) {
                    c.skipUntilTopLevel(",", ")");
                } else {
                    columns.add(column(c));
                }
                c.skipUntilTopLevel(",", ")");
                c.acceptSymbol(",");
            }
            c.acceptSymbol(")");
        }
        if (c.isWord("partition", "by")) {
            partition = true;
        }
        return new Ddl.CreateTable(table, columns, constraints, unlogged, partition);
    }

    /** {@code name type [constraints...]}, stopping before the next top-level comma or closing parenthesis. */
    static ColumnDef column(TokenCursor c) {
        String name = c.identifier();
        TypeName type = type(c);
        boolean notNull = false;
        String defaultExpr = null;
        boolean identity = false;
        boolean generated = false;
        List<ConstraintDef> constraints = new ArrayList<>();
        String constraintName = null;
        while (!c.atEnd() && !c.isSymbol(",") && !c.isSymbol(")")) {
            if (c.accept("constraint")) {
                constraintName = c.identifier();
            } else if (c.accept("not", "null")) {
                notNull = true;
            } else if (c.accept("null")) {
                notNull = false;
            } else if (c.accept("default")) {
                int start = c.position();
                c.skipUntilTopLevel(",", ")", "not", "null", "primary", "unique", "references", "check",
                        "constraint", "generated", "collate");
                defaultExpr = c.text(start, c.position());
            } else if (c.accept("generated")) {
                c.skipUntilTopLevel("as");
                c.accept("as");
                if (c.accept("identity")) {
                    identity = true;
                    c.parenthesisedText();
                } else {
                    generated = true;
                    c.parenthesisedText();
                    c.accept("stored");
                    c.accept("virtual");
                }
            } else if (c.accept("primary", "key")) {
                notNull = true;
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.PRIMARY_KEY, List.of(name), null,
                        null, null, false, null));
                constraintName = null;
            } else if (c.accept("unique")) {
                c.accept("nulls", "not", "distinct");
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.UNIQUE, List.of(name), null, null,
                        null, false, null));
                constraintName = null;
            } else if (c.accept("references")) {
                QualifiedName ref = c.qualifiedName();
                List<String> refCols = c.isSymbol("(") ? c.parenthesisedNames() : List.of();
                skipReferenceOptions(c);
                boolean notValid = c.accept("not", "valid");
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.FOREIGN_KEY, List.of(name), ref,
                        refCols, null, notValid, null));
                constraintName = null;
            } else if (c.accept("check")) {
                String expr = c.parenthesisedText();
                c.accept("no", "inherit");
                boolean notValid = c.accept("not", "valid");
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.CHECK, List.of(name), null, null,
                        expr, notValid, null));
                constraintName = null;
            } else if (c.isSymbol("(")) {
                c.skipBalanced();
            } else {
                c.next();
            }
        }
        return new ColumnDef(name, type, notNull, defaultExpr, identity, generated, constraints);
    }

    private static void skipReferenceOptions(TokenCursor c) {
        while (c.isWord("match") || c.isWord("on") || c.isWord("deferrable") || c.isWord("initially")
                || c.isWord("not", "deferrable")) {
            if (c.accept("match")) {
                c.next();
            } else if (c.accept("on")) {
                c.next();
                if (c.accept("set")) {
                    c.next();
                    if (c.isSymbol("(")) {
                        c.skipBalanced();
                    }
                } else if (!c.accept("cascade") && !c.accept("restrict")) {
                    c.accept("no", "action");
                }
            } else if (c.accept("not", "deferrable") || c.accept("deferrable")) {
                continue;
            } else if (c.accept("initially")) {
                c.next();
            }
        }
    }

    /** A type name: words until a constraint keyword, then {@code (n[,m])} and {@code []}. */
    static TypeName type(TokenCursor c) {
        StringBuilder base = new StringBuilder();
        if (c.peek() != null && c.peek().isIdentifier() && c.peek(1) != null && c.peek(1).isSymbol(".")) {
            c.next();
            c.next();
        }
        while (!c.atEnd() && c.peek().isIdentifier() && !COLUMN_CONSTRAINT_WORDS.contains(c.peek().text())) {
            String w = c.next().text();
            base.append(base.length() == 0 ? "" : " ").append(w);
            if (c.isSymbol("(") || c.isSymbol("[") || c.isSymbol(",") || c.isSymbol(")")) {
                break;
            }
            if (!isMultiWordType(base.toString(), c.peek())) {
                break;
            }
        }
        List<Integer> modifiers = new ArrayList<>();
        if (c.isSymbol("(")) {
            for (String m : c.parenthesisedNames()) {
                try {
                    modifiers.add(Integer.parseInt(m.trim()));
                } catch (NumberFormatException ignored) {
                    // typmods like interval fields are not numeric; the rules do not need them
                }
            }
        }
        // "timestamp(3) with time zone": the time-zone words follow the precision
        if (c.isWord("with", "time", "zone") || c.isWord("without", "time", "zone")) {
            base.append(' ').append(c.next().text()).append(' ').append(c.next().text()).append(' ').append(c.next().text());
        }
        boolean array = false;
        while (c.acceptSymbol("[")) {
            array = true;
            while (!c.atEnd() && !c.acceptSymbol("]")) {
                c.next();
            }
        }
        if (c.accept("array")) {
            array = true;
        }
        return TypeName.of(base.toString(), modifiers, array);
    }

    private static boolean isMultiWordType(String soFar, Token next) {
        if (next == null || !next.isIdentifier()) {
            return false;
        }
        String n = next.text();
        switch (soFar) {
            case "character", "bit", "national character", "national":
                return n.equals("varying") || n.equals("character");
            case "double":
                return n.equals("precision");
            case "timestamp", "time", "timestamp without", "timestamp with", "time without", "time with",
                    "timestamp without time", "timestamp with time", "time without time", "time with time":
                return n.equals("with") || n.equals("without") || n.equals("time") || n.equals("zone");
            default:
                return false;
        }
    }

    static ConstraintDef tableConstraint(TokenCursor c) {
        String name = null;
        if (c.accept("constraint")) {
            name = c.identifier();
        }
        if (c.accept("primary", "key")) {
            List<String> cols = c.parenthesisedNames();
            String usingIndex = usingIndex(c);
            return new ConstraintDef(name, ConstraintDef.Kind.PRIMARY_KEY, cols, null, null, null, false, usingIndex);
        }
        if (c.accept("unique")) {
            c.accept("nulls", "not", "distinct");
            c.accept("nulls", "distinct");
            List<String> cols = c.isSymbol("(") ? c.parenthesisedNames() : List.of();
            String usingIndex = usingIndex(c);
            return new ConstraintDef(name, ConstraintDef.Kind.UNIQUE, cols, null, null, null, false, usingIndex);
        }
        if (c.accept("foreign", "key")) {
            List<String> cols = c.parenthesisedNames();
            c.accept("references");
            QualifiedName ref = c.qualifiedName();
            List<String> refCols = c.isSymbol("(") ? c.parenthesisedNames() : List.of();
            skipReferenceOptions(c);
            boolean notValid = c.accept("not", "valid");
            return new ConstraintDef(name, ConstraintDef.Kind.FOREIGN_KEY, cols, ref, refCols, null, notValid, null);
        }
        if (c.accept("check")) {
            String expr = c.parenthesisedText();
            c.accept("no", "inherit");
            boolean notValid = c.accept("not", "valid");
            return new ConstraintDef(name, ConstraintDef.Kind.CHECK, List.of(), null, null, expr, notValid, null);
        }
        if (c.accept("exclude")) {
            c.skipUntilTopLevel(",", ")");
            return new ConstraintDef(name, ConstraintDef.Kind.EXCLUDE, List.of(), null, null, null, false, null);
        }
        if (c.accept("not", "null")) {
            String col = c.identifier();
            return new ConstraintDef(name, ConstraintDef.Kind.NOT_NULL, List.of(col), null, null, null, false, null);
        }
        throw new IllegalArgumentException("unknown table constraint");
    }

    private static String usingIndex(TokenCursor c) {
        if (c.accept("using", "index")) {
            if (c.accept("tablespace")) {
                c.next();
                return null;
            }
            return c.identifier();
        }
        return null;
    }

    private static Ddl alterTable(TokenCursor c) {
        c.accept("if", "exists");
        c.accept("only");
        QualifiedName table = c.qualifiedName();
        c.acceptSymbol("*");
        List<AlterAction> actions = new ArrayList<>();
        while (!c.atEnd()) {
            int start = c.position();
            AlterAction action = alterAction(c);
            c.skipUntilTopLevel(",");
            if (action instanceof AlterAction.Other) {
                action = new AlterAction.Other(c.text(start, c.position()));
            }
            actions.add(action);
            c.acceptSymbol(",");
        }
        return new Ddl.AlterTable(table, actions);
    }

    private static AlterAction alterAction(TokenCursor c) {
        if (c.accept("add")) {
            if (c.isWord("constraint") || c.isWord("primary") || c.isWord("unique") || c.isWord("foreign")
                    || c.isWord("check") || c.isWord("exclude")) {
                return new AlterAction.AddConstraint(tableConstraint(c));
            }
            c.accept("column");
            c.accept("if", "not", "exists");
            return new AlterAction.AddColumn(column(c));
        }
        if (c.accept("drop")) {
            if (c.accept("constraint")) {
                c.accept("if", "exists");
                String name = c.identifier();
                return new AlterAction.DropConstraint(name, c.accept("cascade"));
            }
            c.accept("column");
            c.accept("if", "exists");
            String col = c.identifier();
            return new AlterAction.DropColumn(col, c.accept("cascade"));
        }
        if (c.accept("alter")) {
            c.accept("column");
            String col = c.identifier();
            if (c.accept("set", "data", "type") || c.accept("type")) {
                TypeName type = type(c);
                c.accept("collate");
                String using = null;
                if (c.accept("using")) {
                    int start = c.position();
                    c.skipUntilTopLevel(",");
                    using = c.text(start, c.position());
                }
                return new AlterAction.AlterColumnType(col, type, using);
            }
            if (c.accept("set", "not", "null")) {
                return new AlterAction.SetNotNull(col);
            }
            if (c.accept("drop", "not", "null")) {
                return new AlterAction.DropNotNull(col);
            }
            if (c.accept("set", "default")) {
                int start = c.position();
                c.skipUntilTopLevel(",");
                return new AlterAction.SetDefault(col, c.text(start, c.position()));
            }
            if (c.accept("drop", "default")) {
                return new AlterAction.DropDefault(col);
            }
            return new AlterAction.Other("");
        }
        if (c.accept("validate", "constraint")) {
            return new AlterAction.ValidateConstraint(c.identifier());
        }
        if (c.accept("rename", "constraint")) {
            String from = c.identifier();
            c.accept("to");
            return new AlterAction.RenameConstraint(from, c.identifier());
        }
        if (c.accept("rename", "to")) {
            return new AlterAction.RenameTable(c.identifier());
        }
        if (c.accept("rename")) {
            c.accept("column");
            String from = c.identifier();
            c.accept("to");
            return new AlterAction.RenameColumn(from, c.identifier());
        }
        if (c.accept("set", "logged") || c.isWord("set", "unlogged") && c.accept("set", "unlogged")) {
            return new AlterAction.Rewrite("SET LOGGED/UNLOGGED");
        }
        if (c.accept("set", "tablespace")) {
            return new AlterAction.Rewrite("SET TABLESPACE");
        }
        if (c.accept("set", "access", "method")) {
            return new AlterAction.Rewrite("SET ACCESS METHOD");
        }
        return new AlterAction.Other("");
    }

    /** {@code ALTER INDEX|VIEW|SEQUENCE|SCHEMA ... RENAME TO x}; other ALTERs stay {@link Ddl.Other}. */
    private static Ddl alterOther(TokenCursor c, String sql) {
        c.accept("alter");
        StringBuilder type = new StringBuilder(c.next().text().toUpperCase(Locale.ROOT));
        if (type.toString().equals("MATERIALIZED")) {
            type.append(' ').append(c.next().text().toUpperCase(Locale.ROOT));
        }
        c.accept("if", "exists");
        QualifiedName name = c.qualifiedName();
        if (c.accept("rename", "to")) {
            return new Ddl.Rename(type.toString(), name, c.identifier());
        }
        return new Ddl.Other(leadingWords(sql));
    }

    private static Ddl drop(TokenCursor c) {
        StringBuilder type = new StringBuilder(c.next().text().toUpperCase(Locale.ROOT));
        if (type.toString().equals("MATERIALIZED") || type.toString().equals("FOREIGN")) {
            type.append(' ').append(c.next().text().toUpperCase(Locale.ROOT));
        }
        boolean concurrently = c.accept("concurrently");
        c.accept("if", "exists");
        List<QualifiedName> names = new ArrayList<>();
        while (!c.atEnd() && c.peek().isIdentifier() && !c.isWord("cascade") && !c.isWord("restrict")) {
            if (type.toString().equals("SCHEMA")) {
                names.add(QualifiedName.of(c.identifier(), ""));
            } else {
                names.add(c.qualifiedName());
            }
            if (c.isSymbol("(")) {
                c.skipBalanced();
            }
            if (!c.acceptSymbol(",")) {
                break;
            }
        }
        c.skipUntilTopLevel("cascade");
        return new Ddl.Drop(type.toString(), names, c.accept("cascade"), concurrently);
    }

    private static Ddl comment(TokenCursor c) {
        String type = c.next().text().toUpperCase(Locale.ROOT);
        if (type.equals("COLUMN")) {
            String a = c.identifier();
            c.acceptSymbol(".");
            String b = c.identifier();
            String col;
            QualifiedName table;
            if (c.acceptSymbol(".")) {
                col = c.identifier();
                table = QualifiedName.of(a, b);
            } else {
                col = b;
                table = QualifiedName.of(null, a);
            }
            c.accept("is");
            Token t = c.next();
            return new Ddl.CommentOn(type, table, col, t == null || t.isWord("null") ? null : t.text());
        }
        QualifiedName name = c.qualifiedName();
        c.skipUntilTopLevel("is");
        c.accept("is");
        Token t = c.next();
        return new Ddl.CommentOn(type, name, null, t == null || t.isWord("null") ? null : t.text());
    }

    private static Ddl createIndex(TokenCursor c, boolean unique) {
        boolean concurrently = c.accept("concurrently");
        c.accept("if", "not", "exists");
        QualifiedName index = null;
        if (!c.isWord("on")) {
            index = QualifiedName.of(null, c.identifier());
        }
        c.accept("on");
        c.accept("only");
        QualifiedName table = c.qualifiedName();
        if (c.accept("using")) {
            c.next();
        }
        List<String> cols = c.parenthesisedNames();
        c.skipUntilTopLevel("where");
        boolean partial = c.accept("where");
        if (index != null) {
            index = QualifiedName.of(table.schema(), index.name());
        }
        return new Ddl.CreateIndex(index, table, cols, unique, concurrently, partial);
    }

    private static Ddl createView(TokenCursor c, boolean materialized) {
        c.accept("if", "not", "exists");
        QualifiedName view = c.qualifiedName();
        if (c.isSymbol("(")) {
            c.skipBalanced();
        }
        c.skipUntilTopLevel("as");
        c.accept("as");
        String query = c.rest();
        return new Ddl.CreateView(view, referencedTables(query), query, materialized);
    }

    /** Tables a query reads, resolved to the default schema when unqualified; empty if JSqlParser cannot read it. */
    static Set<QualifiedName> referencedTables(String query) {
        Set<QualifiedName> out = new LinkedHashSet<>();
        try {
            for (String name : TablesNamesFinder.findTables(query)) {
                out.add(fromJSqlName(name));
            }
        } catch (Exception | Error e) {
            // JSqlParser cannot read every PostgreSQL query; fall back to the words after FROM and JOIN
            List<Token> tokens = SqlLexer.tokenize(query);
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if ((tokens.get(i).isWord("from") || tokens.get(i).isWord("join")) && tokens.get(i + 1).isIdentifier()) {
                    if (i + 3 < tokens.size() && tokens.get(i + 2).isSymbol(".") && tokens.get(i + 3).isIdentifier()) {
                        out.add(QualifiedName.of(tokens.get(i + 1).text(), tokens.get(i + 3).text()));
                    } else {
                        out.add(QualifiedName.of(null, tokens.get(i + 1).text()));
                    }
                }
            }
        }
        return out;
    }

    private static QualifiedName fromJSqlName(String name) {
        List<Token> tokens = SqlLexer.tokenize(name);
        List<String> parts = new ArrayList<>();
        for (Token t : tokens) {
            if (t.isIdentifier()) {
                parts.add(t.text());
            }
        }
        if (parts.size() >= 2) {
            return QualifiedName.of(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
        }
        return QualifiedName.of(null, parts.isEmpty() ? name : parts.get(0));
    }

    static String leadingWords(String sql) {
        StringBuilder sb = new StringBuilder();
        for (Token t : SqlLexer.tokenize(sql)) {
            if (t.kind() != Token.Kind.WORD || sb.length() > 40) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(t.text().toUpperCase(Locale.ROOT));
            if (sb.toString().split(" ").length >= 2) {
                break;
            }
        }
        return sb.toString();
    }
}
