package dev.converge.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<SqlStatement> split(String text) {
        return StatementSplitter.split("schema.sql", text);
    }

    private static List<String> sqls(String text) {
        return split(text).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndReportsLineAndColumnOfEachStart() {
        List<SqlStatement> statements = split("CREATE TABLE a (id int);\n\n  CREATE TABLE b (id int); CREATE TABLE c (id int)\n");
        assertThat(statements).extracting(SqlStatement::sql)
                .containsExactly("CREATE TABLE a (id int)", "CREATE TABLE b (id int)", "CREATE TABLE c (id int)");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 3);
        assertThat(statements).extracting(SqlStatement::column).containsExactly(1, 3, 28);
        assertThat(statements).extracting(SqlStatement::index).containsExactly(0, 1, 2);
        assertThat(statements.get(1).location()).isEqualTo("schema.sql:3:3");
    }

    @Test
    void keepsSemicolonsInsideTaggedDollarQuotedFunctionBodyAndSplitsTheStatementsAfterIt() {
        String text = """
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                  NEW.updated := now();
                  RETURN NEW; -- $$ inside is not a delimiter
                END;
                $fn$;
                CREATE TABLE t (id int);
                CREATE INDEX t_id ON t (id);
                """;
        List<SqlStatement> statements = split(text);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0).sql()).startsWith("CREATE FUNCTION f()").endsWith("$fn$");
        assertThat(statements.get(0).sql()).contains("RETURN NEW;");
        assertThat(statements.get(1).sql()).isEqualTo("CREATE TABLE t (id int)");
        assertThat(statements.get(1).line()).isEqualTo(7);
        assertThat(statements.get(2).line()).isEqualTo(8);
    }

    @Test
    void handlesAnonymousDollarQuotesAndNestedDifferentTags() {
        assertThat(sqls("SELECT $$a;b$$; SELECT $x$ $$;$$ $x$; SELECT 1"))
                .containsExactly("SELECT $$a;b$$", "SELECT $x$ $$;$$ $x$", "SELECT 1");
    }

    @Test
    void treatsPositionalParametersAndDollarInsideIdentifiersAsPlainText() {
        assertThat(sqls("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select $1'; CREATE TABLE a$b$c (x int); SELECT 2"))
                .containsExactly("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select $1'",
                        "CREATE TABLE a$b$c (x int)", "SELECT 2");
    }

    @Test
    void handlesSingleQuotedStringsWithDoubledQuotes() {
        assertThat(sqls("COMMENT ON TABLE t IS 'it''s; fine'; SELECT 1;"))
                .containsExactly("COMMENT ON TABLE t IS 'it''s; fine'", "SELECT 1");
    }

    @Test
    void handlesEscapeStringsWithBackslashQuote() {
        assertThat(sqls("COMMENT ON TABLE t IS E'it\\'s; \\\\'; SELECT 1; COMMENT ON TABLE u IS e'\\';'"))
                .containsExactly("COMMENT ON TABLE t IS E'it\\'s; \\\\'", "SELECT 1", "COMMENT ON TABLE u IS e'\\';'");
    }

    @Test
    void doesNotTreatBackslashAsEscapeInStandardStrings() {
        assertThat(sqls("SELECT 'a\\'; SELECT 2")).containsExactly("SELECT 'a\\'", "SELECT 2");
    }

    @Test
    void handlesDoubleQuotedIdentifiersWithSemicolonsAndDoubledQuotes() {
        assertThat(sqls("CREATE TABLE \"we;ird\"\"name\" (\"a;b\" int); SELECT 1"))
                .containsExactly("CREATE TABLE \"we;ird\"\"name\" (\"a;b\" int)", "SELECT 1");
    }

    @Test
    void ignoresSemicolonsInLineAndNestedBlockComments() {
        String text = """
                -- leading; comment
                CREATE TABLE a (id int /* x; /* nested; */ still; */ ); -- trailing;
                /* between; */ CREATE TABLE b (id int);
                """;
        List<SqlStatement> statements = split(text);
        assertThat(statements).extracting(SqlStatement::sql)
                .containsExactly("CREATE TABLE a (id int /* x; /* nested; */ still; */ )", "CREATE TABLE b (id int)");
        assertThat(statements.get(1).line()).isEqualTo(3);
        assertThat(statements.get(1).column()).isEqualTo(16);
    }

    @Test
    void keepsBeginAtomicBodyOfSqlStandardFunctionTogether() {
        String text = """
                CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;
                  SELECT 1;
                END;
                CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END;
                CREATE TABLE after_routines (id int);
                """;
        List<SqlStatement> statements = split(text);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0).sql()).endsWith("END");
        assertThat(statements.get(0).sql()).contains("SELECT 1;");
        assertThat(statements.get(1).sql()).isEqualTo("CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END");
        assertThat(statements.get(2).line()).isEqualTo(7);
    }

    @Test
    void doesNotTrackBeginOutsideRoutineDefinitions() {
        assertThat(sqls("BEGIN; CREATE TABLE a (id int); COMMIT;"))
                .containsExactly("BEGIN", "CREATE TABLE a (id int)", "COMMIT");
    }

    @Test
    void keepsCommentLinesDirectlyAboveAStatementForAnnotations() {
        String text = """
                CREATE TABLE a (id int);

                -- unrelated

                -- converge:renamed-from old_users
                --   second line
                CREATE TABLE users (id int); -- tail
                -- converge:ignore no-pk legacy table
                CREATE TABLE legacy (x int);
                CREATE TABLE plain (x int);
                """;
        List<SqlStatement> statements = split(text);
        assertThat(statements.get(0).leadingComments()).isEmpty();
        assertThat(statements.get(1).leadingComments()).containsExactly("converge:renamed-from old_users", "second line");
        assertThat(statements.get(2).leadingComments()).containsExactly("converge:ignore no-pk legacy table");
        assertThat(statements.get(3).leadingComments()).isEmpty();
    }

    @Test
    void skipsEmptyStatementsAndCommentOnlyText() {
        assertThat(sqls(";;  ; -- nothing\n/* still nothing */")).isEmpty();
    }

    @Test
    void lastStatementWithoutSemicolonIsKept() {
        List<SqlStatement> statements = split("CREATE TABLE a (id int);\nCREATE TABLE b (id int)\n  \n");
        assertThat(statements).extracting(SqlStatement::sql).containsExactly("CREATE TABLE a (id int)", "CREATE TABLE b (id int)");
    }

    @Test
    void unterminatedQuoteRunsToEndOfFile() {
        assertThat(sqls("SELECT 1; SELECT 'oops; SELECT 2;")).containsExactly("SELECT 1", "SELECT 'oops; SELECT 2;");
    }

    @Test
    void semicolonInsideParenthesesDoesNotSplit() {
        assertThat(sqls("CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b); SELECT 1"))
                .containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)", "SELECT 1");
    }

    @Test
    void columnsCountUnicodeCharactersAsOne() {
        List<SqlStatement> statements = split("COMMENT ON TABLE t IS 'é'; CREATE TABLE ü (x int);");
        assertThat(statements.get(1).column()).isEqualTo(28);
    }

    @Test
    void mapsAnErrorPositionInsideAStatementToTheFileLine() {
        SqlStatement statement = split("\n\nCREATE TABLE t (\n  id int,\n  bad typo\n);").get(0);
        assertThat(statement.line()).isEqualTo(3);
        assertThat(statement.lineOfPosition(statement.sql().indexOf("typo") + 1)).isEqualTo(5);
    }
}
