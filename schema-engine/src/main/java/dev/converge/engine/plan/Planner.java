package dev.converge.engine.plan;

import dev.converge.engine.diff.AuthorizationDiffer;
import dev.converge.engine.diff.Change;
import dev.converge.engine.diff.Detaches;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.diff.Renames;
import dev.converge.engine.model.SchemaModel;

import java.util.ArrayList;
import java.util.List;

/** Diffs two models and orders the resulting statements into a {@link Plan}. */
public class Planner {

    public Plan plan(SchemaModel current, SchemaModel desired, PlanOptions options) {
        Renames.Result renamed = Renames.apply(current, desired, options.renames());
        List<Change> changes = new ArrayList<>(renamed.changes());
        SchemaModel detached = Detaches.asDetached(renamed.current(), desired);
        changes.addAll(new Differ().diffRenamed(detached, desired));
        // also when nothing is managed: a recreated object (or swapped enum) keeps its current privileges and owner
        changes.addAll(AuthorizationDiffer.diff(detached, desired, List.copyOf(changes), options.managePrivileges(),
                options.manageOwnership()));
        StepBuilder builder = new StepBuilder(detached, desired, options, PossibleRenames.find(changes));
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
