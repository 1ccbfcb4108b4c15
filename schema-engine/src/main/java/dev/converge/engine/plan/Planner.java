package dev.converge.engine.plan;

import dev.converge.engine.diff.Change;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.SchemaModel;

import java.util.ArrayList;
import java.util.List;

/** Diffs two models and orders the resulting statements into a {@link Plan}. */
public class Planner {

    public Plan plan(SchemaModel current, SchemaModel desired, PlanOptions options) {
        List<Change> changes = new Differ().diff(current, desired);
        StepBuilder builder = new StepBuilder(current, desired, options);
        List<Step> steps = new ArrayList<>();
        for (Change c : changes) {
            steps.addAll(builder.steps(c));
        }
        List<Statement> statements = new ArrayList<>();
        for (Step s : DependencyGraph.order(steps)) {
            statements.addAll(s.statements);
        }
        return new Plan(current.hash(), desired.hash(), statements, changes);
    }
}
