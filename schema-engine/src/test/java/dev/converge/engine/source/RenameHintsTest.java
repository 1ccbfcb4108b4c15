package dev.converge.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.engine.EngineException;
import dev.converge.engine.source.RenameHint.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenameHintsTest {

    private static List<RenameHint> hints(String text) {
        return RenameHints.of(StatementSplitter.split("s.sql", text));
    }

    @Test
    void readsTableColumnConstraintAndIndexRenames() {
        List<RenameHint> hints = hints("""
                -- converge:renamed-from old_users
                CREATE TABLE app."Users" (
                  id int,
                  -- converge:renamed-from Full_Name
                  name text,
                  -- converge:renamed-from users_name_check
                  CONSTRAINT name_not_empty CHECK (name <> '')
                );
                -- converge:renamed-from users_name_idx
                CREATE INDEX users_name ON app."Users" (name);
                """);
        assertThat(hints).extracting(h -> h.kind() + " " + h.schema() + " " + h.parent() + " " + h.oldName() + " -> " + h.newName())
                .containsExactly(
                        "TABLE app null old_users -> Users",
                        "COLUMN app Users full_name -> name",
                        "CONSTRAINT app Users users_name_check -> name_not_empty",
                        "INDEX null null users_name_idx -> users_name");
        assertThat(hints.get(1).location().toString()).isEqualTo("s.sql:4");
    }

    @Test
    void readsViewSequenceTypeAndEnumValueRenames() {
        List<RenameHint> hints = hints("""
                -- converge:renamed-from v_old
                CREATE OR REPLACE VIEW v AS SELECT 1;
                -- converge:renamed-from mv_old
                CREATE MATERIALIZED VIEW mv AS SELECT 1;
                -- converge:renamed-from "Old Seq"
                CREATE SEQUENCE s;
                CREATE TYPE mood AS ENUM (
                  'sad',
                  -- converge:renamed-from 'okay'
                  'ok'
                );
                """);
        assertThat(hints).extracting(h -> h.kind() + " " + h.parent() + " " + h.oldName() + " -> " + h.newName())
                .containsExactly("VIEW null v_old -> v", "MATERIALIZED_VIEW null mv_old -> mv",
                        "SEQUENCE null Old Seq -> s", "ENUM_VALUE mood okay -> ok");
    }

    @Test
    void resolvesUnqualifiedNamesWithTheSearchPathTheFilesSet() {
        List<SqlStatement> statements = StatementSplitter.split("s.sql", """
                -- converge:renamed-from a_old
                CREATE TABLE a (id int);
                SET search_path = "Billing", public;
                -- converge:renamed-from b_old
                CREATE TABLE b (id int);
                SELECT pg_catalog.set_config('search_path', '', false);
                -- converge:renamed-from c_old
                CREATE TABLE c (id int);
                -- converge:renamed-from d_old
                CREATE TABLE app.d (id int);
                """);
        assertThat(RenameHints.resolved(statements, "public")).extracting(h -> h.schema() + "." + h.newName())
                .containsExactly("public.a", "Billing.b", "public.c", "app.d");
    }

    @Test
    void ignoresOtherCommentsAndAnnotations() {
        assertThat(hints("-- converge:ignore no-pk legacy\n-- a note\nCREATE TABLE t (a int);")).isEmpty();
    }

    @Test
    void rejectsAnAnnotationAboveNothingRenameable() {
        assertThatThrownBy(() -> hints("\n-- converge:renamed-from x\nCOMMENT ON TABLE t IS 'c';"))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("s.sql:2: misplaced converge:renamed-from");
        assertThatThrownBy(() -> hints("CREATE TABLE t (\n  a int,\n  -- converge:renamed-from pk\n  PRIMARY KEY (a)\n);"))
                .hasMessageStartingWith("s.sql:3: misplaced converge:renamed-from");
        assertThatThrownBy(() -> hints("-- converge:renamed-from\nCREATE TABLE t (a int);"))
                .hasMessageContaining("write exactly one old name");
    }
}
