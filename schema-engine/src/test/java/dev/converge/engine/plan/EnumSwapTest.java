package dev.converge.engine.plan;

import dev.converge.engine.DbConn;
import dev.converge.engine.EngineException;
import dev.converge.engine.acceptance.TestDatabases;
import dev.converge.engine.introspect.IntrospectOptions;
import dev.converge.engine.introspect.Introspector;
import dev.converge.engine.model.SchemaModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enum value removal by type swap where the acceptance suite cannot show it: rows holding a removed value make
 * the plan fail at apply time (as its hazard says), a plan made after such a failure (and after the data is fixed)
 * still converges, and a domain over the enum that columns use is refused by name.
 */
class EnumSwapTest {
    private static final String OLD = "ec_cv_enumswap_old";
    private static final String NEW = "ec_cv_enumswap_new";
    private final Introspector introspector = new Introspector();
    private final Planner planner = new Planner();

    @AfterEach
    void dropDatabases() {
        TestDatabases.drop(OLD);
        TestDatabases.drop(NEW);
    }

    @Test
    void rowsWithRemovedValueFailTheCastAndAPlanAfterFixingThemConverges() {
        DbConn old = TestDatabases.recreate(OLD);
        DbConn want = TestDatabases.recreate(NEW);
        TestDatabases.execute(old, "CREATE TYPE st AS ENUM ('a', 'b', 'c');"
                + "CREATE TABLE t1 (s st DEFAULT 'a'); CREATE TABLE t2 (s st);"
                + "INSERT INTO t1 VALUES ('a'), ('c'); INSERT INTO t2 VALUES ('b')");
        TestDatabases.execute(want, "CREATE TYPE st AS ENUM ('a', 'c');"
                + "CREATE TABLE t1 (s st DEFAULT 'a'); CREATE TABLE t2 (s st)");
        SchemaModel desired = introspector.introspect(want, IntrospectOptions.defaults());

        Plan plan = planner.plan(introspector.introspect(old, IntrospectOptions.defaults()), desired, PlanOptions.defaults());
        assertThat(plan.statements()).anySatisfy(s -> assertThat(s.hazards()).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(HazardKind.MAY_FAIL_ON_DATA);
            assertThat(h.message()).contains("public.t2.s", "removed value", "(b)", "fail at apply time");
        }));
        assertThatThrownBy(() -> TestDatabases.apply(old, plan))
                .hasMessageContaining("invalid input value for enum").hasMessageContaining("ALTER TABLE public.t2");

        // t1 is already converted to the temporary type; the next plan picks another temporary name.
        TestDatabases.execute(old, "UPDATE t2 SET s = 'a'");
        Plan retry = planner.plan(introspector.introspect(old, IntrospectOptions.defaults()), desired, PlanOptions.defaults());
        assertThat(retry.toSql()).contains("st_converge_swap2", "DROP TYPE public.st_converge_swap");
        TestDatabases.apply(old, retry);

        SchemaModel migrated = introspector.introspect(old, IntrospectOptions.defaults());
        assertThat(migrated.canonical()).isEqualTo(desired.canonical());
        assertThat(planner.plan(migrated, desired, PlanOptions.defaults()).toSql()).isEmpty();
        assertThat(TestDatabases.queryBoolean(old, "SELECT (SELECT array_agg(s::text ORDER BY s) FROM t1) = '{a,c}'"
                + " AND (SELECT s FROM t2) = 'a'")).isTrue();
    }

    @Test
    void domainOverTheEnumUsedByAColumnIsRefusedByName() {
        DbConn old = TestDatabases.recreate(OLD);
        DbConn want = TestDatabases.recreate(NEW);
        TestDatabases.execute(old, "CREATE TYPE st AS ENUM ('a', 'b'); CREATE DOMAIN st_d AS st NOT NULL;"
                + "CREATE TABLE t (s st_d)");
        TestDatabases.execute(want, "CREATE TYPE st AS ENUM ('b', 'a'); CREATE DOMAIN st_d AS st NOT NULL;"
                + "CREATE TABLE t (s st_d)");
        SchemaModel current = introspector.introspect(old, IntrospectOptions.defaults());
        SchemaModel desired = introspector.introspect(want, IntrospectOptions.defaults());

        assertThatThrownBy(() -> planner.plan(current, desired, PlanOptions.defaults()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("enum public.st").hasMessageContaining("domain public.st_d")
                .hasMessageContaining("column public.t.s");
    }
}
