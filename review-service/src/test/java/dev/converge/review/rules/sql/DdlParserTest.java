package dev.converge.review.rules.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DdlParserTest {
    @Test
    void readsCreateTableColumnsTypesAndInlineConstraints() {
        Ddl.CreateTable ct = (Ddl.CreateTable) DdlParser.parse("CREATE TABLE \"public\".\"fakeTable\" ("
                + "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name character varying(100) NOT NULL DEFAULT 'x', "
                + "at timestamp(3) without time zone, p_id integer CONSTRAINT fk_p REFERENCES p (id) ON DELETE CASCADE, "
                + "tags text[], CONSTRAINT ck CHECK (length(name) > 0))");
        assertThat(ct.table()).isEqualTo(QualifiedName.of("public", "fakeTable"));
        assertThat(ct.columns()).extracting(ColumnDef::name).containsExactly("id", "name", "at", "p_id", "tags");
        assertThat(ct.columns().get(0).identity()).isTrue();
        assertThat(ct.columns().get(0).isPrimaryKey()).isTrue();
        assertThat(ct.columns().get(1).type()).isEqualTo(TypeName.of("varchar", List.of(100), false));
        assertThat(ct.columns().get(1).notNull()).isTrue();
        assertThat(ct.columns().get(1).defaultExpression()).isEqualTo("'x'");
        assertThat(ct.columns().get(2).type().base()).isEqualTo("timestamp");
        assertThat(ct.columns().get(3).constraints()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("fk_p");
            assertThat(c.refTable()).isEqualTo(QualifiedName.of("public", "p"));
        });
        assertThat(ct.columns().get(4).type().array()).isTrue();
        assertThat(ct.constraints()).singleElement().satisfies(c -> assertThat(c.expression()).isEqualTo("length(name) > 0"));
    }

    @Test
    void readsAlterTableActionsJSqlParserRejects() {
        Ddl.AlterTable at = (Ddl.AlterTable) DdlParser.parse("ALTER TABLE ONLY public.t "
                + "ADD CONSTRAINT t_fk FOREIGN KEY (a) REFERENCES u(id) NOT VALID, "
                + "ALTER COLUMN b SET DATA TYPE varchar(10), ALTER COLUMN c SET NOT NULL, DROP COLUMN d CASCADE");
        assertThat(at.actions()).hasSize(4);
        assertThat(((AlterAction.AddConstraint) at.actions().get(0)).constraint().notValid()).isTrue();
        assertThat(((AlterAction.AlterColumnType) at.actions().get(1)).type()).isEqualTo(TypeName.of("varchar", List.of(10), false));
        assertThat(at.actions().get(2)).isEqualTo(new AlterAction.SetNotNull("c"));
        assertThat(at.actions().get(3)).isEqualTo(new AlterAction.DropColumn("d", true));
    }

    @Test
    void readsDropIndexConcurrentlyAndViewsWithTheirTables() {
        Ddl.Drop drop = (Ddl.Drop) DdlParser.parse("DROP INDEX CONCURRENTLY IF EXISTS public.i");
        assertThat(drop.concurrently()).isTrue();
        assertThat(drop.names()).containsExactly(QualifiedName.of("public", "i"));
        Ddl.CreateView v = (Ddl.CreateView) DdlParser.parse(
                "CREATE OR REPLACE VIEW rep AS SELECT t.a, u.b FROM public.t JOIN \"S\".u ON u.id = t.id");
        assertThat(v.tables()).containsExactlyInAnyOrder(QualifiedName.of("public", "t"), QualifiedName.of("S", "u"));
    }

    @Test
    void keywordsInStringsAndDollarQuotesAreNotStructure() {
        List<SqlSplitter.Piece> pieces = SqlSplitter.split("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
                + "-- a comment; with a semicolon\nCOMMENT ON TABLE t IS 'a;b';\n");
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(1).line()).isEqualTo(3);
        assertThat(((Ddl.CommentOn) DdlParser.parse(pieces.get(1).sql())).comment()).isEqualTo("a;b");
    }

    @Test
    void formatTypeSpellingsNormalise() {
        assertThat(DdlParser.parseType("character varying(100)")).isEqualTo(TypeName.of("varchar", List.of(100), false));
        assertThat(DdlParser.parseType("timestamp with time zone").base()).isEqualTo("timestamptz");
        assertThat(DdlParser.parseType("numeric(10,2)").modifiers()).containsExactly(10, 2);
        assertThat(DdlParser.parseType("integer[]").array()).isTrue();
    }

    @Test
    void unreadableStatementBecomesOther() {
        assertThat(DdlParser.parse("GRANT SELECT ON t TO bob")).isEqualTo(new Ddl.Other("GRANT SELECT"));
    }
}
