package dev.converge.review.rules;

import dev.converge.common.events.PlanComputed;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.ColumnDef;
import dev.converge.review.rules.sql.ConstraintDef;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Everything a rule may look at: the plan's parsed statements, the desired schema, settings, the target probe. */
public final class ReviewContext {
    /** An ALTER TABLE action of a plan statement. */
    public record Action<T extends AlterAction>(PlanStatement statement, QualifiedName table, T action) {
    }

    /** A column the plan adds (by CREATE TABLE or ADD COLUMN), with its state-file declaration when known. */
    public record AddedColumn(PlanStatement statement, QualifiedName table, ColumnDef planned, ColumnDef declared,
                              boolean newTable) {
        /** The declaration as the user wrote it (serial, timestamp, ...) when known, else the plan's. */
        public ColumnDef best() {
            return declared != null ? declared : planned;
        }
    }

    /** A constraint the plan adds, inline in CREATE TABLE or by ALTER TABLE ADD CONSTRAINT. */
    public record AddedConstraint(PlanStatement statement, QualifiedName table, ConstraintDef constraint, boolean newTable) {
    }

    private final PlanComputed plan;
    private final List<PlanStatement> statements;
    private final DesiredSchema desired;
    private final RuleConfig config;
    private final TargetProbe probe;
    private final List<String> notices;
    private final Set<QualifiedName> createdTables = new LinkedHashSet<>();

    public ReviewContext(PlanComputed plan, List<PlanStatement> statements, DesiredSchema desired, RuleConfig config,
                         TargetProbe probe, List<String> notices) {
        this.plan = plan;
        this.statements = List.copyOf(statements);
        this.desired = desired;
        this.config = config;
        this.probe = probe;
        this.notices = notices;
        for (PlanStatement s : statements) {
            if (s.ddl() instanceof Ddl.CreateTable ct) {
                createdTables.add(ct.table());
            }
        }
    }

    public PlanComputed plan() {
        return plan;
    }

    public List<PlanStatement> statements() {
        return statements;
    }

    public DesiredSchema desired() {
        return desired;
    }

    public RuleConfig config() {
        return config;
    }

    /** The target probe, or null when the review has no connection to the target. */
    public TargetProbe probe() {
        return probe;
    }

    /** Adds a line a reader of the review must see (a check that could not run, and why). */
    public void notice(String message) {
        if (!notices.contains(message)) {
            notices.add(message);
        }
    }

    /** True when the table already exists on the target, i.e. the plan does not create it. */
    public boolean isExisting(QualifiedName table) {
        return !createdTables.contains(table);
    }

    public <T extends Ddl> List<Statement<T>> ddl(Class<T> type) {
        List<Statement<T>> out = new ArrayList<>();
        for (PlanStatement s : statements) {
            if (type.isInstance(s.ddl())) {
                out.add(new Statement<>(s, type.cast(s.ddl())));
            }
        }
        return out;
    }

    /** A plan statement of a given DDL kind. */
    public record Statement<T extends Ddl>(PlanStatement statement, T ddl) {
        public int index() {
            return statement.index();
        }
    }

    public <T extends AlterAction> List<Action<T>> actions(Class<T> type) {
        List<Action<T>> out = new ArrayList<>();
        for (Statement<Ddl.AlterTable> s : ddl(Ddl.AlterTable.class)) {
            for (AlterAction a : s.ddl().actions()) {
                if (type.isInstance(a)) {
                    out.add(new Action<>(s.statement(), s.ddl().table(), type.cast(a)));
                }
            }
        }
        return out;
    }

    public List<AddedColumn> addedColumns() {
        List<AddedColumn> out = new ArrayList<>();
        for (Statement<Ddl.CreateTable> s : ddl(Ddl.CreateTable.class)) {
            for (ColumnDef c : s.ddl().columns()) {
                out.add(new AddedColumn(s.statement(), s.ddl().table(), c, declared(s.ddl().table(), c.name()), true));
            }
        }
        for (Action<AlterAction.AddColumn> a : actions(AlterAction.AddColumn.class)) {
            ColumnDef c = a.action().column();
            out.add(new AddedColumn(a.statement(), a.table(), c, declared(a.table(), c.name()), !isExisting(a.table())));
        }
        return out;
    }

    public List<AddedConstraint> addedConstraints() {
        List<AddedConstraint> out = new ArrayList<>();
        for (Statement<Ddl.CreateTable> s : ddl(Ddl.CreateTable.class)) {
            s.ddl().constraints().forEach(c -> out.add(new AddedConstraint(s.statement(), s.ddl().table(), c, true)));
            s.ddl().columns().forEach(col -> col.constraints().forEach(
                    c -> out.add(new AddedConstraint(s.statement(), s.ddl().table(), c, true))));
        }
        for (Action<AlterAction.AddConstraint> a : actions(AlterAction.AddConstraint.class)) {
            out.add(new AddedConstraint(a.statement(), a.table(), a.action().constraint(), !isExisting(a.table())));
        }
        for (Action<AlterAction.AddColumn> a : actions(AlterAction.AddColumn.class)) {
            a.action().column().constraints().forEach(
                    c -> out.add(new AddedConstraint(a.statement(), a.table(), c, !isExisting(a.table()))));
        }
        return out;
    }

    /** The column as the state files declare it, or null. */
    public ColumnDef declared(QualifiedName table, String column) {
        DesiredSchema.Table t = desired.table(table);
        return t == null ? null : t.column(column);
    }

    /** Index of the first statement with the given index, for ordering checks ("was X done before?"). */
    public List<PlanStatement> before(int index) {
        return statements.stream().filter(s -> s.index() < index).toList();
    }
}
