package dev.converge.engine.diff;

import dev.converge.engine.EngineException;
import dev.converge.engine.model.ColumnDef;
import dev.converge.engine.model.ConstraintDef;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.EnumDef;
import dev.converge.engine.model.Ident;
import dev.converge.engine.model.IndexDef;
import dev.converge.engine.model.QName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.SequenceDef;
import dev.converge.engine.model.TableDef;
import dev.converge.engine.model.TriggerDef;
import dev.converge.engine.model.ViewDef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies declared renames to the current model before diffing: emits the {@code RENAME} statements and
 * returns the current model as it will look after them (names and the texts that mention them), so that the
 * differ sees the same object on both sides and keeps its data. A rename whose old object does not exist, or
 * whose new name is already taken, is refused with a message naming both.
 */
public final class Renames {
    public record Result(SchemaModel current, List<Change> changes) {
    }

    private Renames() {
    }

    public static Result apply(SchemaModel current, SchemaModel desired, List<Rename> renames) {
        List<Change> changes = new ArrayList<>();
        SchemaModel model = current;
        for (Rename r : renames) {
            RenameStep step = step(model, desired, r);
            if (step == null) {
                continue; // already renamed (the target has the new name and not the old one)
            }
            changes.add(new Change.RenameObject(r, step.sql));
            model = step.after;
        }
        return new Result(model, changes);
    }

    private record RenameStep(String sql, SchemaModel after) {
    }

    private static RenameStep step(SchemaModel m, SchemaModel desired, Rename r) {
        QName oldQ = new QName(r.schema(), r.parent() == null ? r.oldName() : r.parent());
        switch (r.kind()) {
            case TABLE: {
                QName newQ = new QName(r.schema(), r.newName());
                if (!present(m, "table:" + oldQ, "table:" + newQ, r)) {
                    return null;
                }
                return new RenameStep("ALTER TABLE " + oldQ.sql() + " RENAME TO " + Ident.quote(r.newName()),
                        rewrite(m, oldQ.sql(), newQ.sql(), "table:" + oldQ, "table:" + newQ, "column:" + oldQ + ".",
                                "column:" + newQ + ".", "constraint:" + oldQ + ".", "constraint:" + newQ + "."));
            }
            case VIEW:
            case MATERIALIZED_VIEW: {
                QName newQ = new QName(r.schema(), r.newName());
                if (!present(m, "view:" + oldQ, "view:" + newQ, r)) {
                    return null;
                }
                String kw = r.kind() == Rename.Kind.VIEW ? "VIEW" : "MATERIALIZED VIEW";
                return new RenameStep("ALTER " + kw + " " + oldQ.sql() + " RENAME TO " + Ident.quote(r.newName()),
                        rewrite(m, oldQ.sql(), newQ.sql(), "view:" + oldQ, "view:" + newQ));
            }
            case SEQUENCE: {
                QName newQ = new QName(r.schema(), r.newName());
                if (!present(m, "sequence:" + oldQ, "sequence:" + newQ, r)) {
                    return null;
                }
                return new RenameStep("ALTER SEQUENCE " + oldQ.sql() + " RENAME TO " + Ident.quote(r.newName()),
                        rewrite(m, oldQ.sql(), newQ.sql(), "sequence:" + oldQ, "sequence:" + newQ));
            }
            case TYPE: {
                QName newQ = new QName(r.schema(), r.newName());
                if (!present(m, DbObject.typeId(oldQ), DbObject.typeId(newQ), r)) {
                    return null;
                }
                return new RenameStep("ALTER TYPE " + oldQ.sql() + " RENAME TO " + Ident.quote(r.newName()),
                        rewrite(m, oldQ.sql(), newQ.sql(), DbObject.typeId(oldQ), DbObject.typeId(newQ)));
            }
            case INDEX: {
                QName newQ = new QName(r.schema(), r.newName());
                if (!present(m, "index:" + oldQ, "index:" + newQ, r)) {
                    return null;
                }
                return new RenameStep("ALTER INDEX " + oldQ.sql() + " RENAME TO " + Ident.quote(r.newName()),
                        rewrite(m, "INDEX " + Ident.quote(r.oldName()) + " ON ", "INDEX " + Ident.quote(r.newName()) + " ON ",
                                "index:" + oldQ, "index:" + newQ));
            }
            case COLUMN:
            case CONSTRAINT:
                return partRename(m, r, oldQ);
            case ENUM_VALUE: {
                DbObject o = m.objects().get(DbObject.typeId(oldQ));
                if (!(o instanceof EnumDef e) || !e.labels().contains(r.oldName())) {
                    if (o instanceof EnumDef e2 && e2.labels().contains(r.newName())) {
                        return null;
                    }
                    throw missing(r);
                }
                List<String> labels = e.labels().stream().map(l -> l.equals(r.oldName()) ? r.newName() : l).toList();
                return new RenameStep("ALTER TYPE " + oldQ.sql() + " RENAME VALUE " + Ident.literal(r.oldName()) + " TO "
                        + Ident.literal(r.newName()), replace(m, e, new EnumDef(e.name(), labels, e.comment())));
            }
            default:
                throw new IllegalStateException(r.kind().name());
        }
    }

    private static RenameStep partRename(SchemaModel m, Rename r, QName tableName) {
        DbObject o = m.objects().get("table:" + tableName);
        if (!(o instanceof TableDef t)) {
            throw missing(r);
        }
        if (r.kind() == Rename.Kind.COLUMN) {
            if (t.column(r.oldName()).isEmpty()) {
                if (t.column(r.newName()).isPresent()) {
                    return null;
                }
                throw missing(r);
            }
            Pattern word = Pattern.compile("(?<![\\w\"])" + Pattern.quote(Ident.quote(r.oldName())) + "(?![\\w\"])");
            String replacement = Matcher.quoteReplacement(Ident.quote(r.newName()));
            List<ColumnDef> cols = t.columns().stream().map(c -> !c.name().equals(r.oldName()) ? c
                    : new ColumnDef(r.newName(), c.type(), c.collation(), c.notNull(), c.defaultExpr(), c.identity(),
                    c.identitySequence(), c.identityOptions(), c.generated(), c.comment(), c.typeDeps(), c.exprDeps())).toList();
            List<ConstraintDef> cons = t.constraints().stream().map(k -> new ConstraintDef(k.name(), k.type(),
                    word.matcher(k.definition()).replaceAll(replacement), k.validated(), k.references(), k.comment())).toList();
            TableDef renamed = t.withParts(cols, cons);
            SchemaModel after = replace(m, t, renamed);
            // Index definitions on the table name the column too.
            for (IndexDef i : after.indexes()) {
                if (i.relationId().equals(t.id())) {
                    after = replace(after, i, new IndexDef(i.name(), i.table(), i.relationId(),
                            word.matcher(i.definition()).replaceAll(replacement), i.unique(), i.valid(), i.comment()));
                }
            }
            after = after.withAuthorization(after.authorization().renameColumn(t.id(), r.oldName(), r.newName()));
            String oldCol = "column:" + tableName + "." + r.oldName();
            return new RenameStep("ALTER TABLE " + tableName.sql() + " RENAME COLUMN " + Ident.quote(r.oldName()) + " TO "
                    + Ident.quote(r.newName()), renameIds(after, oldCol, "column:" + tableName + "." + r.newName()));
        }
        if (t.constraint(r.oldName()).isEmpty()) {
            if (t.constraint(r.newName()).isPresent()) {
                return null;
            }
            throw missing(r);
        }
        List<ConstraintDef> cons = t.constraints().stream().map(k -> !k.name().equals(r.oldName()) ? k
                : new ConstraintDef(r.newName(), k.type(), k.definition(), k.validated(), k.references(), k.comment())).toList();
        TableDef renamed = t.withParts(t.columns(), cons);
        return new RenameStep("ALTER TABLE " + tableName.sql() + " RENAME CONSTRAINT " + Ident.quote(r.oldName()) + " TO "
                + Ident.quote(r.newName()), renameIds(replace(m, t, renamed), "constraint:" + tableName + "." + r.oldName(),
                "constraint:" + tableName + "." + r.newName()));
    }

    private static boolean present(SchemaModel m, String oldId, String newId, Rename r) {
        boolean hasOld = m.objects().containsKey(oldId);
        boolean hasNew = m.objects().containsKey(newId);
        if (!hasOld && hasNew) {
            return false;
        }
        if (!hasOld) {
            throw missing(r);
        }
        if (hasNew) {
            throw new EngineException(EngineException.Code.STATE_FILE_INVALID, "cannot rename " + r.kind().name().toLowerCase()
                    + " " + r.schema() + "." + r.oldName() + " to " + r.newName() + ": the target already has both");
        }
        return true;
    }

    private static EngineException missing(Rename r) {
        return new EngineException(EngineException.Code.STATE_FILE_INVALID, "converge:renamed-from " + r.oldName() + ": the target has no "
                + r.kind().name().toLowerCase().replace('_', ' ') + " " + r.schema() + "."
                + (r.parent() == null ? "" : r.parent() + ".") + r.oldName() + " to rename to " + r.newName());
    }

    private static SchemaModel replace(SchemaModel m, DbObject old, DbObject now) {
        Map<String, DbObject> objects = new TreeMap<>(m.objects());
        objects.remove(old.id());
        objects.put(now.id(), now);
        return new SchemaModel(m.serverVersionNum(), new TreeMap<>(objects), m.dependencies(), m.authorization());
    }

    /**
     * Rewrites every mention of a renamed relation or type: object names, the SQL texts that qualify it
     * ({@code oldText} -> {@code newText}) and ids (pairs of old prefix, new prefix).
     */
    private static SchemaModel rewrite(SchemaModel m, String oldText, String newText, String... idPairs) {
        Map<String, DbObject> objects = new TreeMap<>();
        for (DbObject o : m.objects().values()) {
            DbObject r = rewriteObject(o, oldText, newText, idPairs);
            objects.put(r.id(), r);
        }
        SchemaModel after = new SchemaModel(m.serverVersionNum(), new TreeMap<>(objects), m.dependencies(), m.authorization());
        for (int i = 0; i < idPairs.length; i += 2) {
            after = renameIds(after, idPairs[i], idPairs[i + 1]);
        }
        return after;
    }

    private static String ids(String id, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (id.equals(pairs[i]) || pairs[i].endsWith(".") && id.startsWith(pairs[i])) {
                return pairs[i + 1] + id.substring(pairs[i].length());
            }
        }
        return id;
    }

    private static QName qname(QName q, String kind, String... pairs) {
        String id = ids(kind + ":" + q, pairs);
        String rest = id.substring(id.indexOf(':') + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? q : new QName(rest.substring(0, dot), rest.substring(dot + 1));
    }

    private static DbObject rewriteObject(DbObject o, String oldText, String newText, String... pairs) {
        if (o instanceof TableDef t) {
            List<ColumnDef> cols = t.columns().stream().map(c -> new ColumnDef(c.name(), c.type().replace(oldText, newText),
                    c.collation(), c.notNull(), c.defaultExpr() == null ? null : c.defaultExpr().replace(oldText, newText)
                    .replace(Ident.literal(oldText).replace("'", ""), newText), c.identity(), c.identitySequence(),
                    c.identityOptions(), c.generated(), c.comment(), mapIds(c.typeDeps(), pairs), mapIds(c.exprDeps(), pairs))).toList();
            List<ConstraintDef> cons = t.constraints().stream().map(k -> new ConstraintDef(k.name(), k.type(),
                    k.definition().replace(oldText, newText), k.validated(),
                    k.references() == null ? null : qname(k.references(), "table", pairs), k.comment())).toList();
            return new TableDef(qname(t.name(), "table", pairs), t.unlogged(), cols, cons, t.reloptions(), t.rowSecurity(),
                    t.forceRowSecurity(), t.comment(), new ArrayList<>(mapIds(new LinkedHashSet<>(t.deps()), pairs)),
                    t.partitionKey(), t.partitionOf() == null ? null : qname(t.partitionOf(), "table", pairs), t.partitionBound(),
                    t.inherited());
        } else if (o instanceof IndexDef i) {
            String rel = ids(i.relationId(), pairs);
            QName table = qname(i.table(), i.relationId().substring(0, i.relationId().indexOf(':')), pairs);
            return new IndexDef(qname(i.name(), "index", pairs), table, rel, i.definition().replace(oldText, newText),
                    i.unique(), i.valid(), i.comment());
        } else if (o instanceof ViewDef v) {
            return new ViewDef(qname(v.name(), "view", pairs), v.materialized(), v.definition().replace(oldText, newText),
                    v.reloptions(), v.comment(), v.columnComments(), new ArrayList<>(mapIds(new LinkedHashSet<>(v.deps()), pairs)),
                    v.columns());
        } else if (o instanceof SequenceDef s) {
            return new SequenceDef(qname(s.name(), "sequence", pairs), s.options(), s.unlogged(),
                    s.ownedBy() == null ? null : qname(s.ownedBy(), "table", pairs), s.ownedColumn(), s.comment());
        } else if (o instanceof EnumDef e) {
            return new EnumDef(qname(e.name(), "type", pairs), e.labels(), e.comment());
        } else if (o instanceof TriggerDef tg) {
            String rel = ids(tg.relationId(), pairs);
            return new TriggerDef(qname(tg.table(), tg.relationId().substring(0, tg.relationId().indexOf(':')), pairs),
                    tg.name(), rel, tg.definition().replace(oldText, newText), tg.enabled(), tg.comment(), tg.deps());
        }
        return o;
    }

    private static Set<String> mapIds(Set<String> ids, String... pairs) {
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            out.add(ids(id, pairs));
        }
        return out;
    }

    private static SchemaModel renameIds(SchemaModel m, String oldPrefix, String newPrefix) {
        SortedMap<String, SortedSet<String>> deps = new TreeMap<>();
        m.dependencies().forEach((k, v) -> {
            SortedSet<String> refs = new TreeSet<>();
            v.forEach(x -> refs.add(ids(x, oldPrefix, newPrefix)));
            deps.put(ids(k, oldPrefix, newPrefix), refs);
        });
        return new SchemaModel(m.serverVersionNum(), m.objects(), deps,
                m.authorization().renameIds(id -> ids(id, oldPrefix, newPrefix)));
    }
}
