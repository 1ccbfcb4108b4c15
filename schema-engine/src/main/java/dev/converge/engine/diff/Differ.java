package dev.converge.engine.diff;

import dev.converge.engine.EngineException;
import dev.converge.engine.model.ColumnDef;
import dev.converge.engine.model.CompositeTypeDef;
import dev.converge.engine.model.ConstraintDef;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.DomainDef;
import dev.converge.engine.model.EnumDef;
import dev.converge.engine.model.ExtensionDef;
import dev.converge.engine.model.FunctionDef;
import dev.converge.engine.model.Ident;
import dev.converge.engine.model.IndexDef;
import dev.converge.engine.model.PolicyDef;
import dev.converge.engine.model.QName;
import dev.converge.engine.model.RangeTypeDef;
import dev.converge.engine.model.SchemaDef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.SequenceDef;
import dev.converge.engine.model.TableDef;
import dev.converge.engine.model.TriggerDef;
import dev.converge.engine.model.ViewDef;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two models and lists the typed changes that turn {@code current} into {@code desired}. Decides what
 * can change in place and what must be dropped and created again (with everything that depends on it, found
 * through pg_depend); ordering is the planner's job.
 */
public class Differ {

    public List<Change> diff(SchemaModel current, SchemaModel desired) {
        return diff(current, desired, List.of());
    }

    /** With declared renames: they come first, and the rest is diffed against the renamed current schema. */
    public List<Change> diff(SchemaModel current, SchemaModel desired, List<Rename> renames) {
        Renames.Result renamed = Renames.apply(current, desired, renames);
        List<Change> changes = new ArrayList<>(renamed.changes());
        changes.addAll(new Run(Detaches.asDetached(renamed.current(), desired), desired).diff());
        return changes;
    }

    /** The diff after renames, against the already renamed current schema ({@link Renames#apply}). */
    public List<Change> diffRenamed(SchemaModel renamedCurrent, SchemaModel desired) {
        return new Run(renamedCurrent, desired).diff();
    }

    /** Constraints written inside CREATE TABLE; FKs and NOT VALID ones are added afterwards. */
    public static boolean inlineInCreateTable(ConstraintDef c) {
        return !c.isForeignKey() && c.validated();
    }

    private static final class Run {
        final SchemaModel current;
        final SchemaModel desired;
        final List<Change> changes = new ArrayList<>();
        final Set<String> dropped = new HashSet<>();
        final Set<String> created = new HashSet<>();
        /** Enums replaced by a new type ({@link Change.SwapEnum}), completed after the cascade. */
        final List<EnumDef> swaps = new ArrayList<>();
        /** ids whose current incarnation goes away (dropped, recreated, column retyped) -> why. */
        final Map<String, String> removed = new HashMap<>();

        Run(SchemaModel current, SchemaModel desired) {
            this.current = current;
            this.desired = desired;
        }

        List<Change> diff() {
            Set<QName> tablesLosingUniqueness = tablesLosingUniqueness();
            for (DbObject want : desired.objects().values()) {
                DbObject have = current.objects().get(want.id());
                if (have == null) {
                    create(want);
                } else if (!have.equals(want) || want instanceof TableDef) {
                    diffObject(have, want, tablesLosingUniqueness);
                }
            }
            for (DbObject have : current.objects().values()) {
                if (!desired.objects().containsKey(have.id())) {
                    dropObject(have, null);
                }
            }
            cascade();
            for (EnumDef we : swaps) {
                EnumSwaps.swap((EnumDef) current.objects().get(we.id()), we, current, desired, dropped, changes);
            }
            return changes;
        }

        // ---- creation and removal -------------------------------------------------------------------------

        void create(DbObject want) {
            created.add(want.id());
            changes.add(new Change.CreateObject(want));
            if (want instanceof TableDef t) {
                for (ConstraintDef c : t.constraints()) {
                    if (!inlineInCreateTable(c) || t.partitionOf() != null) {
                        changes.add(new Change.AddConstraint(t, c, true));
                    }
                }
                for (ColumnDef col : t.columns()) {
                    comment(columnTarget(t.name(), col.name()), t.id(), null, col.comment());
                }
                for (ConstraintDef c : t.constraints()) {
                    comment(constraintTarget(t, c), t.id(), null, c.comment());
                }
            } else if (want instanceof ViewDef v) {
                v.columnComments().forEach((col, text) -> comment(columnTarget(v.name(), col), v.id(), null, text));
            } else if (want instanceof DomainDef d) {
                for (ConstraintDef c : d.constraints()) {
                    comment("CONSTRAINT " + Ident.quote(c.name()) + " ON DOMAIN " + d.name().sql(), d.id(), null, c.comment());
                }
            }
            comment(commentTarget(want), want.id(), null, want.comment());
        }

        void recreate(DbObject have, DbObject want, String because) {
            dropObject(have, because);
            if (want != null && !created.contains(want.id())) {
                create(want);
            }
        }

        void dropObject(DbObject have, String because) {
            if (!dropped.add(have.id())) {
                return;
            }
            removed.put(have.id(), because == null ? have.describe() + " is dropped" : because);
            if (have instanceof IndexDef i && !desired.objects().containsKey(i.relationId())
                    && current.objects().containsKey(i.relationId()) && because == null) {
                return; // goes with its table
            }
            if (have instanceof SequenceDef s && s.ownedBy() != null && droppedWithOwner(s)) {
                return; // goes with its owning table or column
            }
            if (have instanceof TableDef t) {
                for (ColumnDef c : t.columns()) {
                    removed.put("column:" + t.name() + "." + c.name(), "table " + t.name() + " is dropped");
                }
                // FKs leave first so that tables can be dropped in any order.
                for (ConstraintDef c : t.constraints()) {
                    if (c.isForeignKey()) {
                        changes.add(new Change.DropConstraint(t, c));
                    }
                }
            }
            changes.add(new Change.DropObject(have, because));
        }

        boolean droppedWithOwner(SequenceDef s) {
            DbObject owner = desired.objects().get("table:" + s.ownedBy());
            return owner == null || ((TableDef) owner).column(s.ownedColumn()).isEmpty();
        }

        // ---- in-place differences ---------------------------------------------------------------------------

        void diffObject(DbObject have, DbObject want, Set<QName> tablesLosingUniqueness) {
            if (have.getClass() != want.getClass()) {
                recreate(have, want, want.describe() + " changes kind");
                return;
            }
            if (have instanceof TableDef ht && want instanceof TableDef wt) {
                if (!Objects.equals(ht.partitionKey(), wt.partitionKey())) {
                    // PostgreSQL cannot change how a table is partitioned: drop and create it (and its partitions).
                    recreate(ht, wt, null);
                    for (TableDef child : desired.tables()) {
                        if (wt.name().equals(child.partitionOf()) && current.objects().get(child.id()) instanceof TableDef hc) {
                            recreate(hc, child, "its parent " + wt.name() + " is recreated");
                        }
                    }
                    return;
                }
                diffTable(ht, wt, tablesLosingUniqueness);
            } else if (have instanceof IndexDef hi && want instanceof IndexDef wi) {
                if (!hi.definition().equals(wi.definition()) || !hi.valid()) {
                    recreate(hi, wi, null);
                } else {
                    comment(commentTarget(wi), wi.id(), hi.comment(), wi.comment());
                }
            } else if (have instanceof EnumDef he && want instanceof EnumDef we) {
                if (EnumSwaps.onlyAdds(he, we)) {
                    if (!he.labels().equals(we.labels())) {
                        changes.add(new Change.AlterObject(he, we));
                    }
                    comment(commentTarget(we), we.id(), he.comment(), we.comment());
                } else {
                    // The old type goes away: whatever uses it is recreated (cascade), the swap sets the comment.
                    swaps.add(we);
                    removed.put(he.id(), "enum " + he.name() + " is replaced by a new type to remove or reorder values");
                }
            } else if (have instanceof SequenceDef hs && want instanceof SequenceDef ws) {
                if (!hs.options().equals(ws.options()) || hs.unlogged() != ws.unlogged()
                        || !Objects.equals(hs.ownedBy(), ws.ownedBy()) || !Objects.equals(hs.ownedColumn(), ws.ownedColumn())) {
                    changes.add(new Change.AlterObject(hs, ws));
                }
                comment(commentTarget(ws), ws.id(), hs.comment(), ws.comment());
            } else if (have instanceof ExtensionDef hx && want instanceof ExtensionDef wx) {
                if (!hx.schema().equals(wx.schema()) || !hx.version().equals(wx.version())) {
                    changes.add(new Change.AlterObject(hx, wx));
                }
                comment(commentTarget(wx), wx.id(), hx.comment(), wx.comment());
            } else if (have instanceof ViewDef hv && want instanceof ViewDef wv) {
                if (!hv.definition().equals(wv.definition()) || hv.materialized() != wv.materialized()
                        || !hv.reloptions().equals(wv.reloptions())) {
                    recreate(hv, wv, null);
                } else {
                    comment(commentTarget(wv), wv.id(), hv.comment(), wv.comment());
                    Set<String> cols = new HashSet<>(hv.columnComments().keySet());
                    cols.addAll(wv.columnComments().keySet());
                    for (String col : cols) {
                        comment(columnTarget(wv.name(), col), wv.id(), hv.columnComments().get(col), wv.columnComments().get(col));
                    }
                }
            } else if (have instanceof FunctionDef hf && want instanceof FunctionDef wf) {
                if (!hf.definition().equals(wf.definition())) {
                    boolean replaceable = Objects.equals(hf.result(), wf.result()) && hf.arguments().equals(wf.arguments())
                            && hf.procedure() == wf.procedure();
                    if (replaceable) {
                        changes.add(new Change.AlterObject(hf, wf));
                    } else {
                        recreate(hf, wf, hf.describe() + " changes its result or arguments");
                        return;
                    }
                }
                comment(commentTarget(wf), wf.id(), hf.comment(), wf.comment());
            } else if (have instanceof TriggerDef ht && want instanceof TriggerDef wt) {
                if (!ht.definition().equals(wt.definition())) {
                    recreate(ht, wt, null);
                } else {
                    if (!ht.enabled().equals(wt.enabled())) {
                        changes.add(new Change.AlterObject(ht, wt));
                    }
                    comment(commentTarget(wt), wt.id(), ht.comment(), wt.comment());
                }
            } else if (have instanceof PolicyDef hp && want instanceof PolicyDef wp) {
                if (!samePolicyRule(hp, wp)) {
                    recreate(hp, wp, null);
                } else {
                    comment(commentTarget(wp), wp.id(), hp.comment(), wp.comment());
                }
            } else if (have instanceof DomainDef hd && want instanceof DomainDef wd) {
                boolean usedByColumns = current.tables().stream().anyMatch(t -> t.columns().stream()
                        .anyMatch(c -> c.typeDeps().contains(hd.id())));
                if ((!hd.baseType().equals(wd.baseType()) || !Objects.equals(hd.collation(), wd.collation())) && !usedByColumns) {
                    recreate(hd, wd, hd.describe() + " changes its base type");
                    return;
                }
                if (!hd.baseType().equals(wd.baseType()) || !Objects.equals(hd.collation(), wd.collation())) {
                    throw new EngineException(EngineException.Code.UNSUPPORTED_OBJECT, "domain " + wd.name()
                            + ": changing the base type or collation of a domain that table columns use is not supported (" + hd.baseType()
                            + " -> " + wd.baseType() + ")");
                }
                if (!Objects.equals(hd.defaultExpr(), wd.defaultExpr()) || hd.notNull() != wd.notNull()
                        || !hd.constraints().equals(wd.constraints())) {
                    changes.add(new Change.AlterObject(hd, wd));
                }
                comment(commentTarget(wd), wd.id(), hd.comment(), wd.comment());
            } else if (have instanceof CompositeTypeDef hc && want instanceof CompositeTypeDef wc) {
                if (!hc.attributes().equals(wc.attributes())) {
                    changes.add(new Change.AlterObject(hc, wc));
                }
                comment(commentTarget(wc), wc.id(), hc.comment(), wc.comment());
            } else if (have instanceof RangeTypeDef hr && want instanceof RangeTypeDef wr) {
                if (!hr.options().equals(wr.options())) {
                    recreate(hr, wr, hr.describe() + " changes");
                } else {
                    comment(commentTarget(wr), wr.id(), hr.comment(), wr.comment());
                }
            } else if (have instanceof SchemaDef && want instanceof SchemaDef) {
                comment(commentTarget(want), want.id(), have.comment(), want.comment());
            } else {
                throw new EngineException(EngineException.Code.INTERNAL, "no differ for " + want.describe());
            }
        }

        static boolean samePolicyRule(PolicyDef a, PolicyDef b) {
            return a.permissive() == b.permissive() && a.command().equals(b.command()) && a.roles().equals(b.roles())
                    && Objects.equals(a.using(), b.using()) && Objects.equals(a.withCheck(), b.withCheck());
        }

        void diffTable(TableDef have, TableDef want, Set<QName> tablesLosingUniqueness) {
            if (have.unlogged() != want.unlogged() || !have.reloptions().equals(want.reloptions())
                    || have.rowSecurity() != want.rowSecurity() || have.forceRowSecurity() != want.forceRowSecurity()
                    || !Objects.equals(have.partitionOf(), want.partitionOf())
                    || !Objects.equals(have.partitionBound(), want.partitionBound())) {
                changes.add(new Change.AlterObject(have, want));
            }
            // Columns a partition shares with its parent follow the parent's changes.
            TableDef parent = want.partitionOf() != null && want.partitionOf().equals(have.partitionOf())
                    && desired.objects().get("table:" + want.partitionOf()) instanceof TableDef p ? p : null;
            comment("TABLE " + want.name().sql(), want.id(), have.comment(), want.comment());
            Set<String> recreatedColumns = new HashSet<>();
            for (ColumnDef wc : want.columns()) {
                if (parent != null && parent.column(wc.name()).isPresent()) {
                    continue;
                }
                ColumnDef hc = have.column(wc.name()).orElse(null);
                String colId = "column:" + want.name() + "." + wc.name();
                if (hc == null) {
                    changes.add(new Change.AddColumn(want, wc));
                    comment(columnTarget(want.name(), wc.name()), want.id(), null, wc.comment());
                } else if (!Objects.equals(hc.generated(), wc.generated())) {
                    // A stored generated column cannot change its expression (or stop being generated) in place.
                    changes.add(new Change.DropColumn(have, hc));
                    changes.add(new Change.AddColumn(want, wc));
                    recreatedColumns.add(wc.name());
                    removed.put(colId, "column " + want.name() + "." + wc.name() + " is recreated");
                    comment(columnTarget(want.name(), wc.name()), want.id(), null, wc.comment());
                } else {
                    if (!sameColumnShape(hc, wc)) {
                        changes.add(new Change.AlterColumn(want, hc, wc));
                        if (!hc.type().equals(wc.type()) || !Objects.equals(hc.collation(), wc.collation())) {
                            removed.put(colId, "column " + want.name() + "." + wc.name() + " changes type to " + wc.type());
                        }
                    }
                    comment(columnTarget(want.name(), wc.name()), want.id(), hc.comment(), wc.comment());
                }
            }
            for (ColumnDef hc : have.columns()) {
                boolean parentDropsIt = have.partitionOf() != null && current.objects().get("table:" + have.partitionOf())
                        instanceof TableDef cp && cp.column(hc.name()).isPresent() && parent != null;
                if (want.column(hc.name()).isEmpty() && !parentDropsIt) {
                    changes.add(new Change.DropColumn(have, hc));
                    removed.put("column:" + have.name() + "." + hc.name(), "column " + have.name() + "." + hc.name() + " is dropped");
                }
            }
            for (ConstraintDef wk : want.constraints()) {
                ConstraintDef hk = have.constraint(wk.name()).orElse(null);
                boolean refTableLost = wk.isForeignKey() && tablesLosingUniqueness.contains(wk.references());
                if (hk == null) {
                    changes.add(new Change.AddConstraint(want, wk, false));
                    comment(constraintTarget(want, wk), want.id(), null, wk.comment());
                } else if (hk.type() != wk.type() || !hk.definition().equals(wk.definition()) || refTableLost
                        || hk.validated() && !wk.validated() || touchesRecreated(hk, recreatedColumns)) {
                    changes.add(new Change.DropConstraint(have, hk));
                    changes.add(new Change.AddConstraint(want, wk, false));
                    comment(constraintTarget(want, wk), want.id(), null, wk.comment());
                } else {
                    if (!hk.validated() && wk.validated()) {
                        changes.add(new Change.ValidateConstraint(want, wk));
                    }
                    comment(constraintTarget(want, wk), want.id(), hk.comment(), wk.comment());
                }
            }
            for (ConstraintDef hk : have.constraints()) {
                if (want.constraint(hk.name()).isEmpty()) {
                    changes.add(new Change.DropConstraint(have, hk));
                }
            }
        }

        static boolean touchesRecreated(ConstraintDef c, Set<String> recreatedColumns) {
            return recreatedColumns.stream().anyMatch(col -> c.definition().contains(col));
        }

        static boolean sameColumnShape(ColumnDef a, ColumnDef b) {
            return a.type().equals(b.type()) && Objects.equals(a.collation(), b.collation()) && a.notNull() == b.notNull()
                    && Objects.equals(a.defaultExpr(), b.defaultExpr()) && Objects.equals(a.identity(), b.identity())
                    && Objects.equals(a.identitySequence(), b.identitySequence())
                    && Objects.equals(a.identityOptions(), b.identityOptions());
        }

        /**
         * Tables whose PK / UNIQUE constraints or unique indexes are dropped or redefined: foreign keys that
         * point at them must be dropped and added again around that change.
         */
        Set<QName> tablesLosingUniqueness() {
            Set<QName> result = new HashSet<>();
            for (TableDef t : current.tables()) {
                DbObject other = desired.objects().get(t.id());
                if (!(other instanceof TableDef d)) {
                    continue;
                }
                for (ConstraintDef c : t.constraints()) {
                    if (c.type() == 'p' || c.type() == 'u') {
                        ConstraintDef dc = d.constraint(c.name()).orElse(null);
                        if (dc == null || !dc.definition().equals(c.definition())) {
                            result.add(t.name());
                        }
                    }
                }
            }
            for (IndexDef i : current.indexes()) {
                DbObject other = desired.objects().get(i.id());
                if (i.unique() && (!(other instanceof IndexDef oi) || !oi.definition().equals(i.definition()))) {
                    result.add(i.table());
                }
            }
            return result;
        }

        // ---- dependants -----------------------------------------------------------------------------------

        /**
         * Everything in the current schema that uses something that goes away (a dropped or recreated object,
         * a retyped or dropped column) must be dropped first and, when the desired schema still has it, created
         * again afterwards. Works transitively (a view over a view over a retyped column).
         */
        void cascade() {
            Map<String, List<String>> users = new HashMap<>();
            current.dependencies().forEach((dependent, refs) -> {
                for (String ref : refs) {
                    users.computeIfAbsent(ref, k -> new ArrayList<>()).add(dependent);
                }
            });
            // Triggers, policies and indexes vanish with the view/table they are on.
            for (DbObject o : current.objects().values()) {
                String on = o instanceof TriggerDef t ? t.relationId() : o instanceof IndexDef i ? i.relationId()
                        : o instanceof PolicyDef p ? "table:" + p.table() : null;
                if (on != null && on.startsWith("view:")) {
                    users.computeIfAbsent(on, k -> new ArrayList<>()).add(o.id());
                }
            }
            Deque<String> work = new ArrayDeque<>(removed.keySet());
            Set<String> seen = new HashSet<>(removed.keySet());
            while (!work.isEmpty()) {
                String gone = work.poll();
                String reason = removed.getOrDefault(gone, gone);
                for (String user : users.getOrDefault(gone, List.of())) {
                    if (!seen.add(user)) {
                        continue;
                    }
                    DbObject have = current.objects().get(user);
                    if (have == null) {
                        cascadeToPart(user, reason);
                        continue;
                    }
                    if (have instanceof TableDef || dropped.contains(user)) {
                        continue;
                    }
                    recreate(have, desired.objects().get(user), reason);
                    changes.removeIf(c -> c instanceof Change.AlterObject a && a.from().id().equals(user));
                    removed.put(user, reason);
                    work.add(user);
                }
            }
        }

        /** A constraint that uses a recreated function or type: drop and add it again around the change. */
        void cascadeToPart(String partId, String reason) {
            if (!partId.startsWith("constraint:")) {
                return;
            }
            for (TableDef t : current.tables()) {
                String prefix = "constraint:" + t.name() + ".";
                if (!partId.startsWith(prefix)) {
                    continue;
                }
                String name = partId.substring(prefix.length());
                ConstraintDef hk = t.constraint(name).orElse(null);
                if (hk == null || !(desired.objects().get(t.id()) instanceof TableDef wt)) {
                    return;
                }
                boolean already = changes.stream().anyMatch(c -> c instanceof Change.DropConstraint d
                        && d.table().name().equals(t.name()) && d.constraint().name().equals(name));
                if (!already) {
                    changes.add(new Change.DropConstraint(t, hk));
                    wt.constraint(name).ifPresent(wk -> {
                        changes.add(new Change.AddConstraint(wt, wk, false));
                        comment(constraintTarget(wt, wk), wt.id(), null, wk.comment());
                    });
                }
                return;
            }
        }

        void comment(String target, String objectId, String from, String to) {
            if (!Objects.equals(from, to)) {
                changes.add(new Change.SetComment(target, objectId, from, to));
            }
        }
    }

    public static String commentTarget(DbObject o) {
        if (o instanceof SchemaDef s) {
            return "SCHEMA " + Ident.quote(s.name());
        } else if (o instanceof ExtensionDef x) {
            return "EXTENSION " + Ident.quote(x.name());
        } else if (o instanceof EnumDef e) {
            return "TYPE " + e.name().sql();
        } else if (o instanceof CompositeTypeDef c) {
            return "TYPE " + c.name().sql();
        } else if (o instanceof RangeTypeDef r) {
            return "TYPE " + r.name().sql();
        } else if (o instanceof DomainDef d) {
            return "DOMAIN " + d.name().sql();
        } else if (o instanceof SequenceDef s) {
            return "SEQUENCE " + s.name().sql();
        } else if (o instanceof TableDef t) {
            return "TABLE " + t.name().sql();
        } else if (o instanceof IndexDef i) {
            return "INDEX " + i.name().sql();
        } else if (o instanceof ViewDef v) {
            return v.keyword() + " " + v.name().sql();
        } else if (o instanceof FunctionDef f) {
            return f.keyword() + " " + f.signatureSql();
        } else if (o instanceof TriggerDef t) {
            return "TRIGGER " + Ident.quote(t.name()) + " ON " + t.table().sql();
        } else if (o instanceof PolicyDef p) {
            return "POLICY " + Ident.quote(p.name()) + " ON " + p.table().sql();
        }
        throw new IllegalArgumentException(o.id());
    }

    public static String columnTarget(QName relation, String column) {
        return "COLUMN " + relation.sql() + "." + Ident.quote(column);
    }

    public static String constraintTarget(TableDef t, ConstraintDef c) {
        return "CONSTRAINT " + Ident.quote(c.name()) + " ON " + t.name().sql();
    }
}
