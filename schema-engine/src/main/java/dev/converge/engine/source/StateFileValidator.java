package dev.converge.engine.source;

import dev.converge.common.Text;
import dev.converge.engine.source.CheckedStatement.Disposition;
import dev.converge.engine.source.SqlTokens.Kind;
import dev.converge.engine.source.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * The state-file allowlist. A state file describes a schema; it may define objects (CREATE, ALTER, COMMENT ON,
 * GRANT/REVOKE on objects) and set a few harmless session settings. Everything else is refused before any
 * statement reaches a database, because state files come from pull requests and run in a shadow database.
 *
 * <p>Classification is keyword-based (PostgreSQL DDL is wider than any Java SQL grammar); JSqlParser is asked
 * only about query-shaped statements ({@code WITH}, {@code SELECT}, …) to find data-modifying parts in them.
 *
 * <p>Session settings: {@code SET search_path}, {@code check_function_bodies}, {@code timezone},
 * {@code client_min_messages}, {@code default_table_access_method}, {@code default_tablespace},
 * {@code xmloption}, {@code intervalstyle}, {@code datestyle} run in the shadow (they change how later
 * statements are read); {@code client_encoding}, {@code statement_timeout}, {@code lock_timeout},
 * {@code idle_in_transaction_session_timeout}, {@code row_security}, {@code standard_conforming_strings = on}
 * and {@code default_with_oids = false} are accepted but skipped (the shadow sets its own; pg_dump writes them).
 * {@code SET ROLE}, {@code SET SESSION AUTHORIZATION} and every other setting are refused.
 */
public final class StateFileValidator {

    private static final String SCHEMA_ONLY = "state files describe the schema; data changes belong in a migration";

    private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "UPSERT");
    private static final Set<String> QUERY_STARTS = Set.of("WITH", "SELECT", "VALUES", "TABLE");
    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK",
            "SAVEPOINT", "RELEASE", "ABORT", "PREPARE");
    private static final Set<String> CREATE_KINDS = Set.of("SCHEMA", "TABLE", "INDEX", "VIEW", "SEQUENCE", "TYPE",
            "DOMAIN", "FUNCTION", "PROCEDURE", "AGGREGATE", "OPERATOR", "TRIGGER", "EXTENSION", "POLICY", "RULE",
            "COLLATION", "CAST", "CONVERSION", "STATISTICS", "PUBLICATION", "TRANSFORM", "SERVER", "FOREIGN");
    private static final Set<String> CREATE_REFUSED_CLUSTER_WIDE = Set.of("ROLE", "USER", "GROUP", "DATABASE",
            "TABLESPACE", "SUBSCRIPTION", "LANGUAGE", "ACCESS");
    private static final Set<String> ALTER_REFUSED = Set.of("SYSTEM", "ROLE", "USER", "GROUP", "DATABASE",
            "TABLESPACE", "SUBSCRIPTION", "LANGUAGE", "EVENT");
    private static final Set<String> EXECUTED_SETTINGS = Set.of("SEARCH_PATH", "CHECK_FUNCTION_BODIES", "TIMEZONE",
            "CLIENT_MIN_MESSAGES", "DEFAULT_TABLE_ACCESS_METHOD", "DEFAULT_TABLESPACE", "XMLOPTION", "INTERVALSTYLE",
            "DATESTYLE");
    private static final Set<String> SKIPPED_SETTINGS = Set.of("CLIENT_ENCODING", "STATEMENT_TIMEOUT", "LOCK_TIMEOUT",
            "IDLE_IN_TRANSACTION_SESSION_TIMEOUT", "ROW_SECURITY", "STANDARD_CONFORMING_STRINGS", "DEFAULT_WITH_OIDS",
            "ESCAPE_STRING_WARNING");
    private static final Set<String> UNTRUSTED_LANGUAGES = Set.of("C", "INTERNAL", "PLPYTHONU", "PLPYTHON2U",
            "PLPYTHON3U", "PLPERLU", "PLTCLU", "PLSH", "PLJAVAU");
    /**
     * Extensions that reach outside the database (files, other servers, programs): refused even where a project
     * allows untrusted extensions.
     */
    private static final Set<String> REFUSED_EXTENSIONS = Set.of("DBLINK", "POSTGRES_FDW", "FILE_FDW", "ADMINPACK",
            "PLPYTHON3U", "PLPYTHONU", "PLPERLU", "PLTCLU", "PLSH", "PG_READ_FILE");

    /** Server-side file, large-object, program and remote-connection functions, anywhere in a statement. */
    private static final Pattern UNSAFE_CALL = Pattern.compile(
            "\\b(pg_read_file|pg_read_binary_file|pg_ls_dir|pg_ls_\\w+dir|pg_stat_file|pg_file_write|pg_file_unlink"
                    + "|pg_file_rename|lo_import|lo_export|dblink\\w*|pg_reload_conf|pg_terminate_backend"
                    + "|pg_cancel_backend|pg_promote|pg_rotate_logfile)\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COPY_PROGRAM = Pattern.compile("\\bCOPY\\b[^;]*?\\b(PROGRAM|TO\\s+'|FROM\\s+')",
            Pattern.CASE_INSENSITIVE);
    /** Role switches, also inside function bodies and dynamic SQL strings. */
    private static final Pattern ROLE_SWITCH = Pattern.compile(
            "\\b(SET\\s+(SESSION\\s+|LOCAL\\s+)?ROLE\\b|RESET\\s+ROLE\\b|SESSION\\s+AUTHORIZATION\\b|RESET\\s+ALL\\b"
                    + "|set_config\\s*\\(\\s*'(role|session_authorization)')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEARCH_PATH_SET_CONFIG = Pattern.compile(
            "(?is)\\s*SELECT\\s+(pg_catalog\\s*\\.\\s*)?set_config\\s*\\(\\s*'search_path'\\s*,\\s*'[^']*'\\s*,\\s*(false|true)\\s*\\)\\s*");

    /** Checks every statement of every file, in order. */
    public ValidationResult validate(List<SqlStatement> statements) {
        List<CheckedStatement> accepted = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (SqlStatement statement : statements) {
            Verdict verdict = check(statement);
            if (verdict.violation != null) {
                violations.add(verdict.violation);
            } else {
                accepted.add(new CheckedStatement(statement, verdict.kind, verdict.disposition, verdict.extension));
            }
        }
        return new ValidationResult(accepted, violations);
    }

    /** The refusal for one statement, if any. */
    public Optional<Violation> violationOf(SqlStatement statement) {
        return Optional.ofNullable(check(statement).violation);
    }

    private record Verdict(String kind, Disposition disposition, Violation violation, ExtensionRequest extension) {
        Verdict(String kind, Disposition disposition, Violation violation) {
            this(kind, disposition, violation, null);
        }
    }

    private Verdict check(SqlStatement statement) {
        String sql = statement.sql();
        if (sql.startsWith("\\")) {
            String command = sql.split("\\s", 2)[0];
            return refuse(statement, "PSQL_META_COMMAND", "psql meta-command " + command
                    + " is not supported in a state file (state files are plain SQL, not psql scripts)");
        }
        List<Token> tokens = SqlTokens.of(sql, HEAD_TOKENS);
        if (needsAllTokens(tokens)) {
            tokens = SqlTokens.of(sql, Integer.MAX_VALUE);
        }
        if (tokens.isEmpty() || tokens.get(0).kind() != Kind.WORD) {
            return refuse(statement, "STATEMENT_NOT_ALLOWED", "statement starting with '" + firstWords(sql)
                    + "' is not allowed in a state file (only CREATE, ALTER, COMMENT ON, GRANT and REVOKE describe a schema)");
        }
        Verdict verdict = classify(statement, tokens);
        if (verdict.violation == null && verdict.disposition != Disposition.SKIP) {
            Verdict unsafe = unsafeContent(statement, verdict.kind);
            if (unsafe != null) {
                return unsafe;
            }
        }
        return verdict;
    }

    /** Enough tokens to classify a CREATE TABLE, INDEX, VIEW … by its leading keywords. */
    private static final int HEAD_TOKENS = 8;

    /** Statements whose verdict depends on a clause anywhere in them (LANGUAGE, OWNER TO, DROP, ON, values). */
    private static boolean needsAllTokens(List<Token> head) {
        if (head.size() < HEAD_TOKENS || head.get(0).kind() != Kind.WORD) {
            return false; // already complete
        }
        String first = head.get(0).text();
        if (!first.equals("CREATE")) {
            return true;
        }
        return head.stream().anyMatch(t -> t.isWord("FUNCTION") || t.isWord("PROCEDURE") || t.isWord("EXTENSION"));
    }

    private Verdict classify(SqlStatement statement, List<Token> tokens) {
        String first = tokens.get(0).text();
        if (DML.contains(first)) {
            return refuse(statement, "DML_NOT_ALLOWED", first + " is not allowed in a state file (" + SCHEMA_ONLY + ")");
        }
        if (QUERY_STARTS.contains(first) || (first.equals("EXPLAIN"))) {
            return query(statement, first);
        }
        if (first.equals("DO")) {
            return refuse(statement, "DO_NOT_ALLOWED", "DO is not allowed in a state file (anonymous code blocks run "
                    + "arbitrary code; define functions with CREATE FUNCTION, put data changes in a migration)");
        }
        if (first.equals("COPY")) {
            return refuse(statement, "COPY_NOT_ALLOWED", "COPY is not allowed in a state file (" + SCHEMA_ONLY + ")");
        }
        if (first.equals("DROP")) {
            String kind = "DROP " + objectKind(tokens, 1);
            return refuse(statement, "DROP_NOT_ALLOWED", kind + " is not allowed in a state file (remove the object's "
                    + "definition from the state files instead; Converge plans the drop)");
        }
        if (TRANSACTION_CONTROL.contains(first)) {
            String kind = first.equals("START") || first.equals("PREPARE") ? first + " TRANSACTION" : first;
            return refuse(statement, "TRANSACTION_CONTROL_NOT_ALLOWED", kind + " is not allowed in a state file "
                    + "(Converge decides how the plan runs in transactions)");
        }
        if (first.equals("SET") || first.equals("RESET")) {
            return setting(statement, tokens);
        }
        if (first.equals("CREATE")) {
            return create(statement, tokens);
        }
        if (first.equals("ALTER")) {
            return alter(statement, tokens);
        }
        if (first.equals("COMMENT")) {
            boolean onExtension = tokens.size() > 2 && tokens.get(2).isWord("EXTENSION");
            return accept("COMMENT ON", onExtension ? Disposition.EXECUTE_ELEVATED : Disposition.EXECUTE);
        }
        if (first.equals("GRANT") || first.equals("REVOKE")) {
            return grant(statement, tokens, first);
        }
        return refuse(statement, "STATEMENT_NOT_ALLOWED", first + " is not allowed in a state file "
                + "(only CREATE, ALTER, COMMENT ON, GRANT and REVOKE describe a schema)");
    }

    private Verdict query(SqlStatement statement, String first) {
        if (SEARCH_PATH_SET_CONFIG.matcher(statement.sql()).matches()) {
            return accept("SELECT set_config('search_path')", Disposition.EXECUTE);
        }
        Optional<String> dml = dataModifyingPart(statement.sql());
        if (dml.isPresent()) {
            return refuse(statement, "DML_NOT_ALLOWED", first + " with " + dml.get()
                    + " is not allowed in a state file (" + SCHEMA_ONLY + ")");
        }
        return refuse(statement, "QUERY_NOT_ALLOWED", first + " is not allowed in a state file (queries run code "
                + "and may have side effects; state files only define objects)");
    }

    /** Uses JSqlParser to find DML in a query-shaped statement (e.g. a data-modifying WITH). */
    static Optional<String> dataModifyingPart(String sql) {
        Statement parsed;
        try {
            parsed = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException | RuntimeException e) {
            return Optional.empty(); // not parseable: the keyword rules decide
        }
        String direct = dmlName(parsed);
        if (direct != null) {
            return Optional.of(direct);
        }
        if (parsed instanceof Select select && select.getWithItemsList() != null) {
            for (WithItem<?> item : select.getWithItemsList()) {
                Object inner = item.getParenthesedStatement();
                if (inner instanceof ParenthesedDelete) {
                    return Optional.of("DELETE");
                }
                if (inner instanceof ParenthesedInsert) {
                    return Optional.of("INSERT");
                }
                if (inner instanceof ParenthesedUpdate) {
                    return Optional.of("UPDATE");
                }
            }
        }
        return Optional.empty();
    }

    private static String dmlName(Statement parsed) {
        if (parsed instanceof Delete) {
            return "DELETE";
        }
        if (parsed instanceof Insert) {
            return "INSERT";
        }
        if (parsed instanceof Update) {
            return "UPDATE";
        }
        if (parsed instanceof Merge) {
            return "MERGE";
        }
        if (parsed instanceof Truncate) {
            return "TRUNCATE";
        }
        if (parsed instanceof Upsert) {
            return "UPSERT";
        }
        return null;
    }

    private Verdict setting(SqlStatement statement, List<Token> tokens) {
        String verb = tokens.get(0).text();
        int i = 1;
        while (i < tokens.size() && (tokens.get(i).isWord("SESSION") || tokens.get(i).isWord("LOCAL"))) {
            i++;
        }
        String name = i < tokens.size() ? tokens.get(i).text().toUpperCase(Locale.ROOT) : "";
        if (tokens.size() > i + 1 && tokens.get(i).isWord("TIME") && tokens.get(i + 1).isWord("ZONE")) {
            name = "TIMEZONE";
        }
        String kind = verb + " " + name.toLowerCase(Locale.ROOT);
        if (verb.equals("SET") && name.equals("STANDARD_CONFORMING_STRINGS") && mentionsOff(tokens, i + 1)) {
            return refuse(statement, "SESSION_STATE_NOT_ALLOWED", "SET standard_conforming_strings = off is not "
                    + "supported in a state file (write E'...' strings instead)");
        }
        if (EXECUTED_SETTINGS.contains(name)) {
            return accept(kind, Disposition.EXECUTE);
        }
        if (SKIPPED_SETTINGS.contains(name)) {
            return accept(kind, Disposition.SKIP);
        }
        if (name.equals("ROLE") || name.equals("AUTHORIZATION") || name.equals("SESSION_AUTHORIZATION") || name.equals("ALL")) {
            String what = name.equals("AUTHORIZATION") ? "SESSION AUTHORIZATION" : name;
            return refuse(statement, "SESSION_STATE_NOT_ALLOWED", verb + " " + what + " is not allowed in a state file "
                    + "(the shadow database runs state files under a restricted role)");
        }
        if (name.equals("CONSTRAINTS") || name.equals("TRANSACTION")) {
            return refuse(statement, "TRANSACTION_CONTROL_NOT_ALLOWED", verb + " " + name
                    + " is not allowed in a state file (Converge decides how the plan runs in transactions)");
        }
        return refuse(statement, "SESSION_STATE_NOT_ALLOWED", kind + " is not allowed in a state file (only "
                + "search_path, check_function_bodies and similar settings that affect how definitions are read)");
    }

    private static boolean mentionsOff(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord("OFF") || t.isWord("FALSE") || (t.kind() == Kind.STRING && t.text().equalsIgnoreCase("off"))) {
                return true;
            }
        }
        return false;
    }

    private Verdict create(SqlStatement statement, List<Token> tokens) {
        int i = 1;
        boolean temporary = false;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.isWord("OR") || t.isWord("REPLACE") || t.isWord("UNIQUE") || t.isWord("UNLOGGED")
                    || t.isWord("RECURSIVE") || t.isWord("TRUSTED") || t.isWord("PROCEDURAL") || t.isWord("DEFAULT")
                    || t.isWord("GLOBAL") || t.isWord("LOCAL")) {
                i++;
            } else if (t.isWord("TEMP") || t.isWord("TEMPORARY")) {
                temporary = true;
                i++;
            } else {
                break;
            }
        }
        String kindWord = i < tokens.size() ? tokens.get(i).text() : "";
        String kind = "CREATE " + objectKind(tokens, i);
        if (temporary) {
            return refuse(statement, "STATEMENT_NOT_ALLOWED", "CREATE TEMPORARY " + objectKind(tokens, i)
                    + " is not allowed in a state file (temporary objects are not part of a schema)");
        }
        if (kindWord.equals("EVENT")) {
            return refuse(statement, "EVENT_TRIGGER_UNSUPPORTED", "CREATE EVENT TRIGGER is not supported in a state file "
                    + "(event triggers are database-wide hooks that run as their owner on every DDL; Converge does not "
                    + "manage them — create them outside Converge)");
        }
        if (CREATE_REFUSED_CLUSTER_WIDE.contains(kindWord)) {
            return refuse(statement, "STATEMENT_NOT_ALLOWED", kind + " is not allowed in a state file "
                    + "(it creates something outside the schema; manage it outside Converge)");
        }
        if (kindWord.equals("CONSTRAINT") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("TRIGGER")) {
            return accept("CREATE CONSTRAINT TRIGGER", Disposition.EXECUTE);
        }
        if (kindWord.equals("MATERIALIZED") || kindWord.equals("TEXT") || CREATE_KINDS.contains(kindWord)) {
            if (kindWord.equals("FUNCTION") || kindWord.equals("PROCEDURE")) {
                String language = language(tokens);
                if (language != null && UNTRUSTED_LANGUAGES.contains(language)) {
                    return refuse(statement, "UNTRUSTED_LANGUAGE", kind + " … LANGUAGE " + language.toLowerCase(Locale.ROOT)
                            + " is not allowed in a state file (untrusted languages run code with the server's rights)");
                }
                if (hasTopLevelWord(tokens, "LEAKPROOF") && !hasTopLevelWord(tokens, "DEFINER")) {
                    // only a superuser may declare LEAKPROOF; harmless when the function runs as its caller
                    return accept(kind + " LEAKPROOF", Disposition.EXECUTE_ELEVATED);
                }
            }
            if (kindWord.equals("EXTENSION")) {
                String name = extensionName(tokens, i + 1);
                if (REFUSED_EXTENSIONS.contains(name)) {
                    return refuse(statement, "EXTENSION_NOT_ALLOWED", "CREATE EXTENSION " + name.toLowerCase(Locale.ROOT)
                            + " is not allowed in a state file (it reaches files, programs or other servers)");
                }
                return new Verdict(kind, Disposition.BY_EXTENSION_POLICY, null, ExtensionRequest.of(tokens, i + 1));
            }
            return accept(kind, Disposition.EXECUTE);
        }
        return refuse(statement, "STATEMENT_NOT_ALLOWED", kind + " is not allowed in a state file");
    }

    private Verdict alter(SqlStatement statement, List<Token> tokens) {
        String kindWord = tokens.size() > 1 ? tokens.get(1).text() : "";
        String kind = "ALTER " + objectKind(tokens, 1);
        if (kindWord.equals("SYSTEM")) {
            return refuse(statement, "STATEMENT_NOT_ALLOWED", "ALTER SYSTEM is not allowed in a state file "
                    + "(it changes the server's configuration)");
        }
        if (ALTER_REFUSED.contains(kindWord)) {
            return refuse(statement, "STATEMENT_NOT_ALLOWED", kind + " is not allowed in a state file "
                    + "(it changes something outside the schema)");
        }
        for (int i = 2; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).depth() == 0 && tokens.get(i).isWord("DROP")
                    && (tokens.get(i + 1).isWord("COLUMN") || tokens.get(i + 1).isWord("CONSTRAINT"))) {
                return refuse(statement, "DROP_NOT_ALLOWED", kind + " … DROP " + tokens.get(i + 1).text()
                        + " is not allowed in a state file (describe the object without it; Converge plans the drop)");
            }
            if (tokens.get(i).isWord("OWNER") && tokens.get(i + 1).isWord("TO")) {
                return accept(kind + " OWNER TO", Disposition.EXECUTE_ELEVATED);
            }
        }
        return accept(kind, Disposition.EXECUTE);
    }

    private Verdict grant(SqlStatement statement, List<Token> tokens, String verb) {
        for (Token t : tokens) {
            if (t.depth() == 0 && t.isWord("ON")) {
                return accept(verb, Disposition.EXECUTE);
            }
        }
        return refuse(statement, "STATEMENT_NOT_ALLOWED", verb + " of role membership is not allowed in a state file "
                + "(roles are cluster-wide; manage them outside Converge)");
    }

    /** Cheap substring test before the regular expressions: almost no definition mentions any of these. */
    private static final List<String> UNSAFE_MARKERS = List.of("pg_", "lo_", "dblink", "copy", "role", "authorization", "reset all");

    private Verdict unsafeContent(SqlStatement statement, String kind) {
        String sql = statement.sql();
        String lower = sql.toLowerCase(Locale.ROOT);
        if (UNSAFE_MARKERS.stream().noneMatch(lower::contains)) {
            return null;
        }
        Matcher call = UNSAFE_CALL.matcher(sql);
        if (call.find()) {
            return refuse(statement, "UNSAFE_CALL", kind + " calls " + call.group(1).toLowerCase(Locale.ROOT)
                    + ", which is not allowed in a state file (it reaches server files, other servers or other sessions)");
        }
        if (COPY_PROGRAM.matcher(sql).find()) {
            return refuse(statement, "COPY_NOT_ALLOWED", kind + " contains COPY to/from a file or program, "
                    + "which is not allowed in a state file");
        }
        Matcher role = ROLE_SWITCH.matcher(sql);
        if (role.find()) {
            return refuse(statement, "SESSION_STATE_NOT_ALLOWED", kind + " contains '" + role.group(1).replaceAll("\\s+", " ")
                    + "', which is not allowed in a state file (the shadow database runs state files under a restricted role)");
        }
        return null;
    }

    private static boolean hasTopLevelWord(List<Token> tokens, String word) {
        return tokens.stream().anyMatch(t -> t.depth() == 0 && t.isWord(word));
    }

    /** The language named by a top-level LANGUAGE clause, upper-cased, or null. */
    private static String language(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).depth() == 0 && tokens.get(i).isWord("LANGUAGE")) {
                Token next = tokens.get(i + 1);
                return next.text().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Whether {@code CREATE EXTENSION name} is refused whatever a project allows (also when CASCADE would install it). */
    public static boolean isRefusedExtension(String name) {
        return REFUSED_EXTENSIONS.contains(name.toUpperCase(Locale.ROOT));
    }

    private static String extensionName(List<Token> tokens, int i) {
        i = ExtensionRequest.nameAt(tokens, i);
        return i < tokens.size() ? tokens.get(i).text().toUpperCase(Locale.ROOT) : "";
    }

    /** The object kind in words at {@code i}: "TABLE", "MATERIALIZED VIEW", "EVENT TRIGGER", "TEXT SEARCH …". */
    private static String objectKind(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return "";
        }
        String word = tokens.get(i).text();
        String next = i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.WORD ? tokens.get(i + 1).text() : "";
        switch (word) {
            case "MATERIALIZED", "EVENT", "FOREIGN", "ACCESS", "DEFAULT":
                return word + " " + next;
            case "TEXT":
                String third = i + 2 < tokens.size() ? tokens.get(i + 2).text() : "";
                return word + " " + next + " " + third;
            case "OPERATOR":
                return next.equals("CLASS") || next.equals("FAMILY") ? word + " " + next : word;
            case "USER":
                return next.equals("MAPPING") ? word + " " + next : word;
            default:
                return word;
        }
    }

    private static String firstWords(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return Text.abbreviate(flat, 20);
    }

    private static Verdict accept(String kind, Disposition disposition) {
        return new Verdict(kind, disposition, null);
    }

    private static Verdict refuse(SqlStatement statement, String code, String message) {
        return new Verdict(null, null, Violation.of(statement, code, message));
    }
}
