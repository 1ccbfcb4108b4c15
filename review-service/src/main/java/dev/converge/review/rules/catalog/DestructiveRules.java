package dev.converge.review.rules.catalog;

import static dev.converge.common.events.Severity.ERROR;
import static dev.converge.common.events.Severity.WARNING;

import dev.converge.review.rules.Hits;
import dev.converge.review.rules.PlanStatement;
import dev.converge.review.rules.ReviewContext;
import dev.converge.review.rules.Rule;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.QualifiedName;
import dev.converge.review.rules.sql.TypeName;
import java.util.List;

/** Statements that delete data or loosen guarantees. */
final class DestructiveRules {
    private DestructiveRules() {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("destructive.drop-table", ERROR, "Dropping a table deletes its rows for good.",
                        (ctx, hits) -> drops(ctx, hits, "TABLE")),
                new Rule("destructive.drop-column", ERROR, "Dropping a column deletes its values for good.",
                        DestructiveRules::dropColumn),
                new Rule("destructive.drop-schema", ERROR, "Dropping a schema deletes everything in it.",
                        (ctx, hits) -> drops(ctx, hits, "SCHEMA")),
                new Rule("destructive.drop-not-null", WARNING,
                        "Dropping NOT NULL lets NULLs in that code may not expect, and is hard to take back.",
                        DestructiveRules::dropNotNull),
                new Rule("destructive.narrowing-type", ERROR,
                        "A narrower type fails on, or silently truncates, values that do not fit.",
                        DestructiveRules::narrowing),
                new Rule("destructive.cascade", ERROR,
                        "CASCADE drops every dependent object too, including ones nobody reviewed.",
                        DestructiveRules::cascade),
                new Rule("destructive.data-loss-hazard", WARNING,
                        "The planner marked the statement as deleting data (for example a recreated object).",
                        DestructiveRules::dataLossHazard));
    }

    private static void drops(ReviewContext ctx, Hits hits, String type) {
        for (ReviewContext.Statement<Ddl.Drop> s : ctx.ddl(Ddl.Drop.class)) {
            if (!s.ddl().objectType().equals(type)) {
                continue;
            }
            for (QualifiedName n : s.ddl().names()) {
                String name = type.equals("SCHEMA") ? n.schema() : n.toString();
                hits.add(s.index(), type.equals("SCHEMA") ? null : n, "DROP " + type + " " + name
                                + " deletes its data permanently",
                        "make sure the data is no longer needed (or archived); suppress with -- converge:ignore "
                                + "destructive.drop-" + type.toLowerCase() + " <reason>");
            }
        }
    }

    private static void dropColumn(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Action<AlterAction.DropColumn> a : ctx.actions(AlterAction.DropColumn.class)) {
            hits.add(a.statement().index(), a.table(), "dropping column " + a.table() + "." + a.action().column()
                    + " deletes its values permanently", "first deploy code that no longer reads it, then drop it");
        }
    }

    private static void dropNotNull(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Action<AlterAction.DropNotNull> a : ctx.actions(AlterAction.DropNotNull.class)) {
            hits.add(a.statement().index(), a.table(), "column " + a.table() + "." + a.action().column()
                    + " becomes nullable", "make sure readers handle NULL; keep NOT NULL if they do not");
        }
    }

    private static void narrowing(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Action<AlterAction.AlterColumnType> a : ctx.actions(AlterAction.AlterColumnType.class)) {
            if (!ctx.isExisting(a.table())) {
                continue;
            }
            TypeName from = TypeChanges.currentType(ctx, a.table(), a.action().column(), "destructive.narrowing-type");
            String why = from == null ? null : TypeChanges.narrowing(from, a.action().type());
            if (why != null) {
                hits.add(a.statement().index(), a.table(), "changing " + a.table() + "." + a.action().column() + " from "
                        + from + " to " + a.action().type() + " narrows it: " + why, "keep the wider type");
            }
        }
    }

    private static void cascade(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Statement<Ddl.Drop> s : ctx.ddl(Ddl.Drop.class)) {
            if (s.ddl().cascade()) {
                hits.add(s.index(), s.ddl().names().isEmpty() ? null : s.ddl().names().get(0),
                        "DROP " + s.ddl().objectType() + " ... CASCADE also drops unnamed dependent objects",
                        "drop the dependents explicitly, then drop without CASCADE");
            }
        }
        for (ReviewContext.Action<AlterAction.DropColumn> a : ctx.actions(AlterAction.DropColumn.class)) {
            if (a.action().cascade()) {
                hits.add(a.statement().index(), a.table(), "DROP COLUMN " + a.action().column()
                        + " CASCADE also drops dependent views and constraints", "drop the dependents explicitly");
            }
        }
        for (ReviewContext.Action<AlterAction.DropConstraint> a : ctx.actions(AlterAction.DropConstraint.class)) {
            if (a.action().cascade()) {
                hits.add(a.statement().index(), a.table(), "DROP CONSTRAINT " + a.action().name()
                        + " CASCADE also drops dependent foreign keys", "drop the dependents explicitly");
            }
        }
    }

    private static void dataLossHazard(ReviewContext ctx, Hits hits) {
        for (PlanStatement s : ctx.statements()) {
            boolean coveredElsewhere = s.ddl() instanceof Ddl.Drop d
                    && (d.objectType().equals("TABLE") || d.objectType().equals("SCHEMA"))
                    || s.ddl() instanceof Ddl.AlterTable at
                    && at.actions().stream().anyMatch(a -> a instanceof AlterAction.DropColumn);
            if (!coveredElsewhere && (s.hasHazard("DELETES_DATA") || s.hasHazard("DATA_LOSS"))) {
                String what = s.hazards().stream().filter(h -> h.code().toUpperCase().contains("DATA"))
                        .map(h -> h.message() == null ? h.code() : h.message()).findFirst().orElse("deletes data");
                hits.add(s.index(), null, "statement " + s.index() + " deletes data: " + what,
                        "check that the data can be lost or is copied elsewhere first");
            }
        }
    }
}
