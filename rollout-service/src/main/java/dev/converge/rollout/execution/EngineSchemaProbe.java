package dev.converge.rollout.execution;

import dev.converge.common.Hashing;
import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.Project;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.StateFile;
import dev.converge.engine.DbConn;
import dev.converge.engine.DesiredSource;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.introspect.IntrospectOptions;
import dev.converge.engine.introspect.Introspector;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import dev.converge.engine.plan.Planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link SchemaProbe} on the schema engine: the same introspection (and so the same hash) the planner uses,
 * leaving out the schema that holds {@code converge_history}. A drift is explained by planning again from the
 * target's current schema to the desired one and comparing with the reviewed plan.
 */
public class EngineSchemaProbe implements SchemaProbe {
    /** Converge's own bookkeeping inside targets; never part of a target's schema. */
    public static final IntrospectOptions OPTIONS = new IntrospectOptions(List.of(TargetHistory.SCHEMA), List.of());

    private final Introspector introspector = new Introspector();
    private final SchemaEngine engine = new SchemaEngine();
    private final Planner planner = new Planner();
    private final ConvergeConfig config;

    public EngineSchemaProbe() {
        this(null);
    }

    /** @param config where a project's allowed untrusted extensions are read (as diff-service planned with them) */
    public EngineSchemaProbe(ConvergeConfig config) {
        this.config = config;
    }

    @Override
    public String hash(TargetDb target) {
        return introspector.introspect(conn(target), OPTIONS).hash();
    }

    @Override
    public String explainDrift(TargetDb target, PlanComputed plan, String currentHash) {
        String head = "Schema hash " + abbrev(currentHash) + " differs from the plan's base " + abbrev(plan.baseHash())
                + ".";
        List<StateFile> files = desiredFiles(plan);
        if (files.isEmpty()) {
            return head;
        }
        try {
            DbConn db = conn(target);
            SchemaModel current = introspector.introspect(db, OPTIONS);
            SchemaModel desired = engine.desiredModel(db, DesiredSource.files(files, null)
                    .allowingExtensions(allowedExtensions(plan.project())), OPTIONS);
            Plan fresh = planner.plan(current, desired, PlanOptions.defaults());
            List<String> nowNeeded = new ArrayList<>(fresh.summary());
            nowNeeded.removeAll(plan.summary());
            List<String> noLonger = new ArrayList<>(plan.summary());
            noLonger.removeAll(fresh.summary());
            StringBuilder sb = new StringBuilder(head);
            if (!nowNeeded.isEmpty()) {
                sb.append(" Changed by hand since planning, a new plan would also: ").append(String.join("; ", nowNeeded)).append('.');
            }
            if (!noLonger.isEmpty()) {
                sb.append(" No longer needed from the reviewed plan: ").append(String.join("; ", noLonger)).append('.');
            }
            if (nowNeeded.isEmpty() && noLonger.isEmpty()) {
                sb.append(" The same changes are still needed, but the statements would differ; plan again.");
            }
            return sb.toString();
        } catch (RuntimeException e) {
            return head + " (could not compute the differences: " + TaskExecutor.oneLine(e) + ")";
        }
    }

    private Set<String> allowedExtensions(String projectName) {
        Project project = config == null || projectName == null ? null : config.project(projectName);
        return project == null ? Set.of() : project.allowedExtensions();
    }

    private static List<StateFile> desiredFiles(PlanComputed plan) {
        if (!plan.files().isEmpty()) {
            return plan.files();
        }
        if (plan.desiredSchemaSql() != null && !plan.desiredSchemaSql().isBlank()) {
            return List.of(new StateFile("desired.sql", plan.desiredSchemaSql(), Hashing.sha256Hex(plan.desiredSchemaSql())));
        }
        return List.of();
    }

    static DbConn conn(TargetDb t) {
        return new DbConn(t.host(), t.port(), t.database(), t.user(), t.password());
    }

    private static String abbrev(String hash) {
        return hash == null ? "(none)" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
