package dev.converge.review.rules;

import static dev.converge.review.rules.Scenario.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.common.events.Finding;
import dev.converge.common.events.FindingSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the catalogue: one plan on which it fires and one, as close as possible, on which it does not. */
class RuleCatalogTest {
    record Case(String rule, Scenario fires, Scenario passes) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static final String T = "CREATE TABLE public.t (id bigint PRIMARY KEY, a integer, name varchar(100));\n"
            + "COMMENT ON TABLE public.t IS 'rows';\n";

    static List<Case> cases() {
        return List.of(
                new Case("naming.table-snake-case",
                        plan("CREATE TABLE \"public\".\"fakeTable\" (id bigint PRIMARY KEY)"),
                        plan("CREATE TABLE \"public\".\"fake_table\" (id bigint PRIMARY KEY)")),
                new Case("naming.column-snake-case",
                        plan("ALTER TABLE public.t ADD COLUMN \"createdAt\" timestamptz"),
                        plan("ALTER TABLE public.t ADD COLUMN created_at timestamptz")),
                new Case("naming.index-pattern",
                        plan("CREATE INDEX CONCURRENTLY \"IdxA\" ON public.t USING btree (a)"),
                        plan("CREATE INDEX CONCURRENTLY t_a_idx ON public.t USING btree (a)")),
                new Case("naming.constraint-pattern",
                        plan("ALTER TABLE public.t ADD CONSTRAINT \"FkU\" FOREIGN KEY (a) REFERENCES public.u(id) NOT VALID"),
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES public.u(id) NOT VALID")),
                new Case("naming.reserved-word",
                        plan("CREATE TABLE public.\"user\" (id bigint PRIMARY KEY)"),
                        plan("CREATE TABLE public.app_user (id bigint PRIMARY KEY)")),
                new Case("naming.identifier-too-long",
                        plan("CREATE TABLE public." + "a".repeat(64) + " (id bigint PRIMARY KEY)"),
                        plan("CREATE TABLE public." + "a".repeat(63) + " (id bigint PRIMARY KEY)")),
                new Case("table.require-primary-key",
                        plan("CREATE TABLE public.log (msg text)"),
                        plan("CREATE TABLE public.log (id bigint GENERATED ALWAYS AS IDENTITY, msg text)",
                                "ALTER TABLE public.log ADD CONSTRAINT log_pkey PRIMARY KEY (id)")),
                new Case("table.fk-columns-indexed",
                        plan("CREATE TABLE public.c (id bigint PRIMARY KEY, p_id bigint REFERENCES public.p(id))"),
                        plan("CREATE TABLE public.c (id bigint PRIMARY KEY, p_id bigint REFERENCES public.p(id))",
                                "CREATE INDEX c_p_id_idx ON public.c (p_id)")),
                new Case("table.require-comment",
                        plan("CREATE TABLE public.c (id bigint PRIMARY KEY)").desired("CREATE TABLE c (id bigint PRIMARY KEY);"),
                        plan("CREATE TABLE public.c (id bigint PRIMARY KEY)")
                                .desired("CREATE TABLE c (id bigint PRIMARY KEY);\nCOMMENT ON TABLE c IS 'customers';")),
                new Case("table.unlogged",
                        plan("CREATE UNLOGGED TABLE public.c (id bigint PRIMARY KEY)"),
                        plan("CREATE TABLE public.c (id bigint PRIMARY KEY)")),
                new Case("column.not-null-without-default",
                        plan("ALTER TABLE public.t ADD COLUMN b integer NOT NULL"),
                        plan("ALTER TABLE public.t ADD COLUMN b integer NOT NULL DEFAULT 0")),
                new Case("column.timestamp-without-tz",
                        plan("ALTER TABLE public.t ADD COLUMN at timestamp without time zone"),
                        plan("ALTER TABLE public.t ADD COLUMN at timestamp with time zone")),
                new Case("column.char-type",
                        plan("ALTER TABLE public.t ADD COLUMN code character(3)"),
                        plan("ALTER TABLE public.t ADD COLUMN code character varying(3)")),
                new Case("column.serial",
                        plan("CREATE TABLE public.c (id integer DEFAULT nextval('c_id_seq'::regclass) PRIMARY KEY)")
                                .desired("CREATE TABLE c (id serial PRIMARY KEY);"),
                        plan("CREATE TABLE public.c (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)")),
                new Case("column.int-key",
                        plan("CREATE TABLE public.c (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY)"),
                        plan("CREATE TABLE public.c (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)")),
                new Case("column.fk-type-mismatch",
                        plan("CREATE TABLE public.c (id bigint PRIMARY KEY, p_id integer REFERENCES public.p(id))")
                                .desired("CREATE TABLE p (id bigint PRIMARY KEY);\n"
                                        + "CREATE TABLE c (id bigint PRIMARY KEY, p_id integer REFERENCES p(id));"),
                        plan("CREATE TABLE public.c (id bigint PRIMARY KEY, p_id bigint REFERENCES public.p(id))")
                                .desired("CREATE TABLE p (id bigint PRIMARY KEY);\n"
                                        + "CREATE TABLE c (id bigint PRIMARY KEY, p_id bigint REFERENCES p(id));")),
                new Case("column.type-change-rewrite",
                        plan("ALTER TABLE public.t ALTER COLUMN a TYPE bigint").targetColumn("t.a", "integer"),
                        plan("ALTER TABLE public.t ALTER COLUMN name TYPE character varying(200)")
                                .targetColumn("t.name", "character varying(100)")),
                new Case("column.volatile-default",
                        plan("ALTER TABLE public.t ADD COLUMN token uuid DEFAULT gen_random_uuid()"),
                        plan("ALTER TABLE public.t ADD COLUMN added timestamptz DEFAULT now()")),
                new Case("column.json-type",
                        plan("ALTER TABLE public.t ADD COLUMN doc json"),
                        plan("ALTER TABLE public.t ADD COLUMN doc jsonb")),
                new Case("column.money-type",
                        plan("ALTER TABLE public.t ADD COLUMN price money"),
                        plan("ALTER TABLE public.t ADD COLUMN price numeric(12,2)")),
                new Case("destructive.drop-table",
                        plan("DROP TABLE public.legacy"),
                        plan("DROP VIEW public.legacy")),
                new Case("destructive.drop-column",
                        plan("ALTER TABLE public.t DROP COLUMN a"),
                        plan("ALTER TABLE public.t ADD COLUMN b integer")),
                new Case("destructive.drop-schema",
                        plan("DROP SCHEMA legacy"),
                        plan("CREATE SCHEMA legacy")),
                new Case("destructive.drop-not-null",
                        plan("ALTER TABLE public.t ALTER COLUMN a DROP NOT NULL"),
                        plan("ALTER TABLE public.t ALTER COLUMN a SET DEFAULT 0")),
                new Case("destructive.narrowing-type",
                        plan("ALTER TABLE public.t ALTER COLUMN name SET DATA TYPE varchar(50)")
                                .targetColumn("t.name", "character varying(100)"),
                        plan("ALTER TABLE public.t ALTER COLUMN name SET DATA TYPE varchar(200)")
                                .targetColumn("t.name", "character varying(100)")),
                new Case("destructive.cascade",
                        plan("DROP TABLE public.legacy CASCADE"),
                        plan("DROP TABLE public.legacy")),
                new Case("destructive.data-loss-hazard",
                        plan("DROP TYPE public.mood").hazard(0, "DELETES_DATA"),
                        plan("DROP TYPE public.mood")),
                new Case("locking.index-not-concurrent",
                        plan("CREATE INDEX t_a_idx ON public.t USING btree (a)"),
                        plan("CREATE INDEX CONCURRENTLY t_a_idx ON public.t USING btree (a)")),
                new Case("locking.drop-index-not-concurrent",
                        plan("DROP INDEX public.t_a_idx"),
                        plan("DROP INDEX CONCURRENTLY public.t_a_idx")),
                new Case("locking.fk-not-valid",
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES public.u(id)"),
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES public.u(id) NOT VALID")),
                new Case("locking.check-not-valid",
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK (a > 0)"),
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK (a > 0) NOT VALID")),
                new Case("locking.set-not-null",
                        plan("ALTER TABLE public.t ALTER COLUMN a SET NOT NULL"),
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_not_null CHECK (a IS NOT NULL) NOT VALID",
                                "ALTER TABLE public.t VALIDATE CONSTRAINT t_a_not_null",
                                "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL")),
                new Case("locking.unique-without-index",
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE (a)"),
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_idx")),
                new Case("locking.lock-timeout",
                        plan("ALTER TABLE public.t ADD COLUMN b integer").lockTimeout(0, 0),
                        plan("ALTER TABLE public.t ADD COLUMN b integer").lockTimeout(0, 3000)),
                new Case("locking.table-rewrite",
                        plan("ALTER TABLE public.t ALTER COLUMN a TYPE bigint").hazard(0, "TABLE_REWRITE"),
                        plan("ALTER TABLE public.t ALTER COLUMN a TYPE bigint").hazard(0, "ACCESS_EXCLUSIVE_LOCK")),
                new Case("locking.concurrently-in-transaction",
                        plan("CREATE INDEX CONCURRENTLY t_a_idx ON public.t (a)").transactional(0, true),
                        plan("CREATE INDEX CONCURRENTLY t_a_idx ON public.t (a)").transactional(0, false)),
                new Case("compat.rename-column",
                        plan("ALTER TABLE public.t RENAME COLUMN a TO b"),
                        plan("ALTER TABLE public.t ADD COLUMN b integer")),
                new Case("compat.rename-table",
                        plan("ALTER TABLE public.t RENAME TO t2"),
                        plan("ALTER TABLE public.t ADD COLUMN b integer")),
                new Case("compat.drop-used-by-view",
                        plan("ALTER TABLE public.t DROP COLUMN a").targetView("t.a", "t_report"),
                        plan("ALTER TABLE public.t DROP COLUMN a").targetView("t.name", "t_names")),
                new Case("compat.drop-view",
                        plan("DROP VIEW public.t_report"),
                        plan("CREATE VIEW public.t_report AS SELECT id FROM public.t")),
                new Case("data.not-null-violations",
                        plan("ALTER TABLE public.t ALTER COLUMN a SET NOT NULL").targetCount(3),
                        plan("ALTER TABLE public.t ALTER COLUMN a SET NOT NULL").targetCount(0)),
                new Case("data.unique-violations",
                        plan("CREATE UNIQUE INDEX CONCURRENTLY t_a_key ON public.t (a)").targetCount(2),
                        plan("CREATE UNIQUE INDEX CONCURRENTLY t_a_key ON public.t (a)").targetCount(0)),
                new Case("data.check-violations",
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK (a > 0)").targetCount(5),
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK (a > 0)").targetCount(0)),
                new Case("data.fk-violations",
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES public.u(id)")
                                .targetCount(1),
                        plan("ALTER TABLE public.t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES public.u(id)")
                                .targetCount(0)));
    }

    @ParameterizedTest(name = "{0} fires")
    @MethodSource("cases")
    void ruleFiresOnItsFiringPlan(Case c) {
        List<Finding> findings = c.fires().findings(c.rule());
        assertThat(findings).as("findings of %s on %s", c.rule(), c.fires()).isNotEmpty();
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.source()).isEqualTo(FindingSource.RULE);
            assertThat(f.message()).contains("docs/rules.md#" + c.rule().replace('.', '-'));
        });
    }

    @ParameterizedTest(name = "{0} stays quiet")
    @MethodSource("cases")
    void ruleStaysQuietOnItsPassingPlan(Case c) {
        assertThat(c.passes().findings(c.rule())).as("findings of %s on %s", c.rule(), c.passes()).isEmpty();
    }

    @Test
    void everyRuleOfTheCatalogueHasACaseBothWays() {
        Set<String> covered = cases().stream().map(Case::rule).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(RuleEngine.standard().ruleIds());
        assertThat(RuleEngine.standard().rules()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void everyRuleHasASectionInTheRulesDocument() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "rules.md"));
        for (Rule rule : RuleEngine.standard().rules()) {
            assertThat(doc).as("docs/rules.md section for %s", rule.id())
                    .contains("<a id=\"" + rule.id().replace('.', '-') + "\"></a>")
                    .contains("`" + rule.id() + "`");
            assertThat(rule.rationale()).isNotBlank();
        }
    }

    @Test
    void ruleIdsAreUniqueAndNamespacedByCategory() {
        List<String> ids = RuleEngine.standard().rules().stream().map(Rule::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(RuleEngine.standard().rules()).allSatisfy(r -> assertThat(Stream.of("naming", "table", "column",
                "destructive", "locking", "compat", "data")).contains(r.category()));
    }
}
