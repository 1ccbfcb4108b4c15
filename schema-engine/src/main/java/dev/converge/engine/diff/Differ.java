package dev.converge.engine.diff;

import dev.converge.engine.model.ColumnDef;
import dev.converge.engine.model.ConstraintDef;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.EnumDef;
import dev.converge.engine.model.ExtensionDef;
import dev.converge.engine.model.IndexDef;
import dev.converge.engine.model.QName;
import dev.converge.engine.model.SchemaDef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.SequenceDef;
import dev.converge.engine.model.TableDef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two models and lists the typed changes that turn {@code current} into {@code desired}. Decides what
 * can change in place and what must be dropped and created again; ordering is the planner's job.
 */
public class Differ {

    public List<Change> diff(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new ArrayList<>();
        Set<QName> tablesLosingUniqueness = tablesLosingUniqueness(current, desired);
        for (DbObject want : desired.objects().values()) {
            DbObject have = current.objects().get(want.id());
            if (have == null) {
                changes.add(new Change.CreateObject(want));
                addCreatedParts(want, changes);
            } else if (!have.equals(want) || want instanceof TableDef) {
                diffObject(have, want, changes, current, desired, tablesLosingUniqueness);
            }
        }
        for (DbObject have : current.objects().values()) {
            if (!desired.objects().containsKey(have.id())) {
                dropObject(have, current, desired, changes);
            }
        }
        return changes;
    }

    private void addCreatedParts(DbObject created, List<Change> changes) {
        if (created instanceof TableDef t) {
            for (ConstraintDef c : t.constraints()) {
                if (!inlineInCreateTable(c)) {
                    changes.add(new Change.AddConstraint(t, c, true));
                }
            }
            addComment(changes, "TABLE " + t.name().sql(), t.id(), null, t.comment());
            for (ColumnDef col : t.columns()) {
                addComment(changes, columnTarget(t, col), t.id(), null, col.comment());
            }
            for (ConstraintDef c : t.constraints()) {
                addComment(changes, constraintTarget(t, c), t.id(), null, c.comment());
            }
        } else {
            addComment(changes, commentTarget(created), created.id(), null, created.comment());
        }
    }

    /** Constraints written inside CREATE TABLE; FKs and NOT VALID ones are added afterwards. */
    public static boolean inlineInCreateTable(ConstraintDef c) {
        return !c.isForeignKey() && c.validated();
    }

    private void dropObject(DbObject have, SchemaModel current, SchemaModel desired, List<Change> changes) {
        if (have instanceof IndexDef i && !desired.objects().containsKey("table:" + i.table())) {
            return; // goes with its table
        }
        if (have instanceof SequenceDef s && s.ownedBy() != null && droppedWithOwner(s, desired)) {
            return; // goes with its owning table or column
        }
        if (have instanceof TableDef t) {
            // FKs leave first so that tables can be dropped in any order.
            for (ConstraintDef c : t.constraints()) {
                if (c.isForeignKey()) {
                    changes.add(new Change.DropConstraint(t, c));
                }
            }
        }
        changes.add(new Change.DropObject(have));
    }

    private static boolean droppedWithOwner(SequenceDef s, SchemaModel desired) {
        DbObject owner = desired.objects().get("table:" + s.ownedBy());
        return owner == null || ((TableDef) owner).column(s.ownedColumn()).isEmpty();
    }

    private void diffObject(DbObject have, DbObject want, List<Change> changes, SchemaModel current,
                            SchemaModel desired, Set<QName> tablesLosingUniqueness) {
        if (have instanceof TableDef ht && want instanceof TableDef wt) {
            diffTable(ht, wt, changes, desired, tablesLosingUniqueness);
        } else if (have instanceof IndexDef hi && want instanceof IndexDef wi) {
            if (!hi.definition().equals(wi.definition()) || !hi.valid()) {
                changes.add(new Change.DropObject(hi));
                changes.add(new Change.CreateObject(wi));
                addComment(changes, commentTarget(wi), wi.id(), null, wi.comment());
            } else {
                addComment(changes, commentTarget(wi), wi.id(), hi.comment(), wi.comment());
            }
        } else if (have instanceof EnumDef he && want instanceof EnumDef we) {
            if (!he.labels().equals(we.labels())) {
                changes.add(new Change.AlterObject(he, we));
            }
            addComment(changes, commentTarget(we), we.id(), he.comment(), we.comment());
        } else if (have instanceof SequenceDef hs && want instanceof SequenceDef ws) {
            if (!hs.options().equals(ws.options()) || hs.unlogged() != ws.unlogged()
                    || !Objects.equals(hs.ownedBy(), ws.ownedBy()) || !Objects.equals(hs.ownedColumn(), ws.ownedColumn())) {
                changes.add(new Change.AlterObject(hs, ws));
            }
            addComment(changes, commentTarget(ws), ws.id(), hs.comment(), ws.comment());
        } else if (have instanceof ExtensionDef hx && want instanceof ExtensionDef wx) {
            if (!hx.schema().equals(wx.schema()) || !hx.version().equals(wx.version())) {
                changes.add(new Change.AlterObject(hx, wx));
            }
            addComment(changes, commentTarget(wx), wx.id(), hx.comment(), wx.comment());
        } else if (have instanceof SchemaDef && want instanceof SchemaDef) {
            addComment(changes, commentTarget(want), want.id(), have.comment(), want.comment());
        } else {
            throw new IllegalStateException("object kinds differ for " + want.id());
        }
    }

    private void diffTable(TableDef have, TableDef want, List<Change> changes, SchemaModel desired,
                           Set<QName> tablesLosingUniqueness) {
        if (have.unlogged() != want.unlogged() || !have.reloptions().equals(want.reloptions())) {
            changes.add(new Change.AlterObject(have, want));
        }
        addComment(changes, "TABLE " + want.name().sql(), want.id(), have.comment(), want.comment());
        Set<String> recreatedColumns = new HashSet<>();
        for (ColumnDef wc : want.columns()) {
            ColumnDef hc = have.column(wc.name()).orElse(null);
            if (hc == null) {
                changes.add(new Change.AddColumn(want, wc));
                addComment(changes, columnTarget(want, wc), want.id(), null, wc.comment());
            } else if (!Objects.equals(hc.generated(), wc.generated())) {
                // A stored generated column cannot be turned into a plain one (or change its expression) in place.
                changes.add(new Change.DropColumn(have, hc));
                changes.add(new Change.AddColumn(want, wc));
                recreatedColumns.add(wc.name());
                addComment(changes, columnTarget(want, wc), want.id(), null, wc.comment());
            } else {
                if (!sameColumnShape(hc, wc)) {
                    changes.add(new Change.AlterColumn(want, hc, wc));
                }
                addComment(changes, columnTarget(want, wc), want.id(), hc.comment(), wc.comment());
            }
        }
        for (ColumnDef hc : have.columns()) {
            if (want.column(hc.name()).isEmpty()) {
                changes.add(new Change.DropColumn(have, hc));
            }
        }
        for (ConstraintDef wk : want.constraints()) {
            ConstraintDef hk = have.constraint(wk.name()).orElse(null);
            boolean refTableLost = wk.isForeignKey() && tablesLosingUniqueness.contains(wk.references());
            if (hk == null) {
                changes.add(new Change.AddConstraint(want, wk, false));
                addComment(changes, constraintTarget(want, wk), want.id(), null, wk.comment());
            } else if (hk.type() != wk.type() || !hk.definition().equals(wk.definition()) || refTableLost
                    || hk.validated() && !wk.validated() || touchesRecreated(hk, recreatedColumns)) {
                changes.add(new Change.DropConstraint(have, hk));
                changes.add(new Change.AddConstraint(want, wk, false));
                addComment(changes, constraintTarget(want, wk), want.id(), null, wk.comment());
            } else {
                if (!hk.validated() && wk.validated()) {
                    changes.add(new Change.ValidateConstraint(want, wk));
                }
                addComment(changes, constraintTarget(want, wk), want.id(), hk.comment(), wk.comment());
            }
        }
        for (ConstraintDef hk : have.constraints()) {
            if (want.constraint(hk.name()).isEmpty()) {
                changes.add(new Change.DropConstraint(have, hk));
            }
        }
    }

    private static boolean touchesRecreated(ConstraintDef c, Set<String> recreatedColumns) {
        return recreatedColumns.stream().anyMatch(col -> c.definition().contains(col));
    }

    private static boolean sameColumnShape(ColumnDef a, ColumnDef b) {
        return a.type().equals(b.type()) && Objects.equals(a.collation(), b.collation()) && a.notNull() == b.notNull()
                && Objects.equals(a.defaultExpr(), b.defaultExpr()) && Objects.equals(a.identity(), b.identity())
                && Objects.equals(a.identitySequence(), b.identitySequence())
                && Objects.equals(a.identityOptions(), b.identityOptions());
    }

    /**
     * Tables whose PK / UNIQUE constraints or unique indexes are dropped or redefined: foreign keys that point
     * at them must be dropped and added again around that change.
     */
    private static Set<QName> tablesLosingUniqueness(SchemaModel current, SchemaModel desired) {
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
            for (ColumnDef col : t.columns()) {
                ColumnDef dcol = d.column(col.name()).orElse(null);
                if (dcol == null || !dcol.type().equals(col.type()) || !Objects.equals(dcol.collation(), col.collation())) {
                    result.add(t.name()); // a type change rebuilds the indexes FKs may use
                }
            }
        }
        for (IndexDef i : current.indexes()) {
            DbObject other = desired.objects().get(i.id());
            if (i.unique() && (other == null || !((IndexDef) other).definition().equals(i.definition()))) {
                result.add(i.table());
            }
        }
        return result;
    }

    private static void addComment(List<Change> changes, String target, String objectId, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(new Change.SetComment(target, objectId, from, to));
        }
    }

    public static String commentTarget(DbObject o) {
        if (o instanceof SchemaDef s) {
            return "SCHEMA " + dev.converge.engine.model.Ident.quote(s.name());
        } else if (o instanceof ExtensionDef x) {
            return "EXTENSION " + dev.converge.engine.model.Ident.quote(x.name());
        } else if (o instanceof EnumDef e) {
            return "TYPE " + e.name().sql();
        } else if (o instanceof SequenceDef s) {
            return "SEQUENCE " + s.name().sql();
        } else if (o instanceof TableDef t) {
            return "TABLE " + t.name().sql();
        } else if (o instanceof IndexDef i) {
            return "INDEX " + i.name().sql();
        }
        throw new IllegalArgumentException(o.id());
    }

    public static String columnTarget(TableDef t, ColumnDef c) {
        return "COLUMN " + t.name().sql() + "." + dev.converge.engine.model.Ident.quote(c.name());
    }

    public static String constraintTarget(TableDef t, ConstraintDef c) {
        return "CONSTRAINT " + dev.converge.engine.model.Ident.quote(c.name()) + " ON " + t.name().sql();
    }
}
