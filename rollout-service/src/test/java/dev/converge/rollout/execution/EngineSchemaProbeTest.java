package dev.converge.rollout.execution;

import dev.converge.common.Hashing;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.StateFile;
import dev.converge.engine.introspect.IntrospectOptions;
import dev.converge.engine.introspect.Introspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine-backed probe on real databases. */
class EngineSchemaProbeTest {
    final TargetDatabases dbs = new TargetDatabases();
    final EngineSchemaProbe probe = new EngineSchemaProbe();

    @AfterEach
    void drop() {
        dbs.close();
    }

    @Test
    void convergeHistoryIsNotPartOfTheTargetSchemaForAnyPlanner() {
        TargetDb target = dbs.create("probe", "CREATE TABLE employee (id int PRIMARY KEY)");
        String before = probe.hash(target);
        String plannersView = new Introspector().introspect(EngineSchemaProbe.conn(target), IntrospectOptions.defaults()).hash();

        dbs.run(target.database(), "CREATE SCHEMA converge",
                "CREATE TABLE converge.converge_history (rollout_id text PRIMARY KEY)");

        assertThat(probe.hash(target)).isEqualTo(before);
        assertThat(new Introspector().introspect(EngineSchemaProbe.conn(target), IntrospectOptions.defaults()).hash())
                .as("diff-service plans with the default options").isEqualTo(plannersView);
    }

    @Test
    void explainsADriftByWhatANewPlanWouldDoDifferently() {
        String desired = "CREATE TABLE employee (id int PRIMARY KEY, email text);";
        TargetDb target = dbs.create("probe", "CREATE TABLE employee (id int PRIMARY KEY)");
        PlanComputed plan = new PlanComputed("p", Instant.now(), "s", "hr", target.name(), "prod", Mode.ROLLOUT,
                probe.hash(target), "d", "ph", List.of(), List.of("alter table public.employee: add column email"), desired,
                List.of(new StateFile("schemas/hr.sql", desired, Hashing.sha256Hex(desired))), null);
        dbs.run(target.database(), "ALTER TABLE employee ADD COLUMN salary numeric");

        String explanation = probe.explainDrift(target, plan, probe.hash(target));

        assertThat(explanation).contains("differs from the plan's base").contains("salary");
    }
}
