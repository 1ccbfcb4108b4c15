package dev.converge.engine.plan;

import dev.converge.engine.EngineException;
import dev.converge.engine.diff.Change;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.ColumnDef;
import dev.converge.engine.model.CompositeTypeDef;
import dev.converge.engine.model.DomainDef;
import dev.converge.engine.model.FunctionDef;
import dev.converge.engine.model.PolicyDef;
import dev.converge.engine.model.RangeTypeDef;
import dev.converge.engine.model.TriggerDef;
import dev.converge.engine.model.ViewDef;
import dev.converge.engine.model.ConstraintDef;
import dev.converge.engine.model.DbObject;
import dev.converge.engine.model.EnumDef;
import dev.converge.engine.model.Grant;
import dev.converge.engine.model.ExtensionDef;
import dev.converge.engine.model.Ident;
import dev.converge.engine.model.IndexDef;
import dev.converge.engine.model.QName;
import dev.converge.engine.model.SchemaDef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.SequenceDef;
import dev.converge.engine.model.TableDef;
import dev.converge.engine.plan.Step.Phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns one {@link Change} into dependency-graph steps carrying SQL, hazards and timeouts. */
final class StepBuilder {
    private static final Pattern SIMPLE_KEY = Pattern.compile(
            "(PRIMARY KEY|UNIQUE)( NULLS NOT DISTINCT)? \\(([^()]*)\\)( INCLUDE \\(([^()]*)\\))?");
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "nextval\\(|random\\(|gen_random_uuid\\(|uuid_generate|clock_timestamp\\(|timeofday\\(");
    private static final Set<HazardKind> LONG_RUNNING = EnumSet.of(HazardKind.TABLE_REWRITE, HazardKind.INDEX_BUILD,
            HazardKind.VALIDATES_CONSTRAINT);

    private static final java.util.SortedSet<String> EMPTY = java.util.Collections.emptySortedSet();

    private final SchemaModel current;
    private final SchemaModel desired;
    private final PlanOptions options;
    private int seq;

    private final java.util.Map<Change, String> possibleRenames;

    StepBuilder(SchemaModel current, SchemaModel desired, PlanOptions options, java.util.Map<Change, String> possibleRenames) {
        this.possibleRenames = possibleRenames;
        this.current = current;
        this.desired = desired;
        this.options = options;
    }

    List<Step> steps(Change change) {
        List<Step> out = stepsWithoutNotes(change);
        String renameNote = possibleRenames.get(change);
        if (renameNote != null && !out.isEmpty() && !out.get(0).statements.isEmpty()) {
            Statement first = out.get(0).statements.get(0);
            List<Hazard> hs = new ArrayList<>(first.hazards());
            hs.add(hz(HazardKind.POSSIBLE_RENAME, renameNote));
            out.get(0).statements.set(0, new Statement(first.sql(), hs, first.transactional(), first.lockTimeout(),
                    first.statementTimeout()));
        }
        return out;
    }

    private List<Step> stepsWithoutNotes(Change change) {
        List<Step> out = new ArrayList<>();
        if (change instanceof Change.CreateObject c) {
            create(c.object(), out);
            out.get(0).creates.add(c.object().id());
            out.get(0).needs.addAll(c.object().dependsOn());
            out.get(0).needs.addAll(desired.dependencies().getOrDefault(c.object().id(), EMPTY));
        } else if (change instanceof Change.DropObject d) {
            drop(d.object(), out);
            if (d.because() != null) {
                Step last = out.get(out.size() - 1);
                List<Statement> flagged = new ArrayList<>();
                for (Statement st : last.statements) {
                    List<Hazard> hs = new ArrayList<>(st.hazards());
                    hs.add(hz(HazardKind.RECREATES_DEPENDENTS, "drops and recreates " + d.object().describe() + " because "
                            + d.because()));
                    flagged.add(new Statement(st.sql(), hs, st.transactional(), st.lockTimeout(), st.statementTimeout()));
                }
                last.statements.clear();
                last.statements.addAll(flagged);
            }
        } else if (change instanceof Change.AlterObject a) {
            alter(a.from(), a.to(), out);
        } else if (change instanceof Change.RenameObject r) {
            Step s = step(Phase.RENAME, change, out);
            s.statements.add(stmt(r.sql(), true));
        } else if (change instanceof Change.SwapEnum w) {
            swapEnum(w, out);
        } else if (change instanceof Change.AddColumn a) {
            addColumn(a.table(), a.column(), out);
        } else if (change instanceof Change.DropColumn d) {
            Step s = step(Phase.DROP_COLUMN, change, out);
            s.statements.add(stmt(alterTable(d.table()) + " DROP COLUMN " + Ident.quote(d.column().name()), true,
                    hz(HazardKind.DELETES_DATA, "drops column " + d.table().name() + "." + d.column().name() + " and its data")));
            s.drops.add(columnId(d.table(), d.column().name()));
            s.releases.addAll(d.column().typeDeps());
            s.releases.addAll(d.column().exprDeps());
            s.needs.add(d.table().id());
        } else if (change instanceof Change.AlterColumn a) {
            alterColumn(a.table(), a.from(), a.to(), out);
        } else if (change instanceof Change.AddConstraint a) {
            addConstraint(a.table(), a.constraint(), a.newTable(), out);
        } else if (change instanceof Change.DropConstraint d) {
            dropConstraint(d.table(), d.constraint(), out);
        } else if (change instanceof Change.ValidateConstraint v) {
            Step s = step(Phase.VALIDATE_CONSTRAINT, change, out);
            s.statements.add(validate(v.table(), v.constraint()));
            s.needs.add(constraintId(v.table(), v.constraint().name()));
        } else if (change instanceof Change.SetComment c) {
            Step s = step(Phase.COMMENT, change, out);
            s.statements.add(stmt("COMMENT ON " + c.target() + " IS " + Ident.literal(c.to()), true));
            s.needs.add(c.objectId());
        } else if (change instanceof Change.ChangePrivileges p) {
            Step s = step(Phase.PRIVILEGES, change, out);
            s.statements.add(stmt(AuthorizationSql.privileges(p), true, hz(HazardKind.AUTHORIZATION_CHANGE, p.describe())));
            s.needs.add(p.object().id());
            for (Grant g : p.grants()) {
                if (g.column() != null && p.object() instanceof TableDef t) {
                    s.needs.add(columnId(t, g.column()));
                }
            }
            s.creates.add(AuthorizationSql.privilegesId(p.object()));
        } else if (change instanceof Change.SetOwner o) {
            // after the grants: the role running the plan may lose the right to grant once it no longer owns the object
            Step s = step(Phase.OWNER, change, out);
            s.statements.add(stmt(AuthorizationSql.owner(o), true, hz(HazardKind.AUTHORIZATION_CHANGE, o.describe())));
            s.needs.add(o.object().id());
            s.needs.add(AuthorizationSql.privilegesId(o.object()));
        } else {
            throw new EngineException(EngineException.Code.INTERNAL, "no SQL for change " + change.describe());
        }
        return out;
    }

    // ---- create / drop / alter of top-level objects ------------------------------------------------------------

    private void create(DbObject o, List<Step> out) {
        if (o instanceof SchemaDef sc) {
            Step s = step(Phase.CREATE_SCHEMA, "create " + o.describe(), out);
            s.statements.add(stmt("CREATE SCHEMA " + Ident.quote(sc.name()), true));
        } else if (o instanceof ExtensionDef x) {
            Step s = step(Phase.CREATE_EXTENSION, "create " + o.describe(), out);
            s.statements.add(stmt("CREATE EXTENSION " + Ident.quote(x.name()) + " WITH SCHEMA " + Ident.quote(x.schema())
                    + " VERSION " + Ident.literal(x.version()), true));
        } else if (o instanceof EnumDef e) {
            Step s = step(Phase.CREATE_TYPE, "create " + o.describe(), out);
            s.statements.add(stmt("CREATE TYPE " + e.name().sql() + " AS ENUM ("
                    + e.labels().stream().map(Ident::literal).collect(Collectors.joining(", ")) + ")", true));
        } else if (o instanceof SequenceDef sq) {
            Step s = step(Phase.CREATE_SEQUENCE, "create " + o.describe(), out);
            s.statements.add(stmt("CREATE " + (sq.unlogged() ? "UNLOGGED " : "") + "SEQUENCE " + sq.name().sql() + " "
                    + sq.options().sql(), true));
            if (sq.ownedBy() != null) {
                ownedBy(sq, out);
            }
        } else if (o instanceof TableDef t) {
            Step s = step(Phase.CREATE_TABLE, "create " + o.describe(), out);
            s.statements.add(stmt(createTable(t), true));
            if (t.rowSecurity()) {
                s.statements.add(stmt(alterTable(t) + " ENABLE ROW LEVEL SECURITY", true));
            }
            if (t.forceRowSecurity()) {
                s.statements.add(stmt(alterTable(t) + " FORCE ROW LEVEL SECURITY", true));
            }
            for (ColumnDef c : t.columns()) {
                s.creates.add(columnId(t, c.name()));
                if (c.identitySequence() != null) {
                    s.creates.add("sequence:" + c.identitySequence());
                }
            }
            for (ConstraintDef k : t.constraints()) {
                if (Differ.inlineInCreateTable(k) && t.partitionOf() == null) {
                    s.creates.add(constraintId(t, k.name()));
                    if (k.hasIndex()) {
                        s.creates.add("index:" + new QName(t.name().schema(), k.name()));
                    }
                }
            }
        } else if (o instanceof IndexDef i) {
            Step s = step(Phase.ADD_CONSTRAINT_OR_INDEX, "create " + o.describe(), out);
            boolean existing = current.objects().containsKey(i.relationId());
            boolean partitioned = desired.objects().get(i.relationId()) instanceof TableDef pt && pt.partitionKey() != null;
            if (partitioned) {
                // ON ONLY would leave the partitions without the index; CONCURRENTLY is refused on partitioned tables.
                s.statements.add(stmt(i.definition().replaceFirst(" ON ONLY ", " ON "), true, existing
                        ? List.of(hz(HazardKind.INDEX_BUILD, "builds index " + i.name() + " on every partition of " + i.table()),
                        hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "blocks writes to " + i.table() + " while the index builds"))
                        : List.of()));
            } else if (existing && options.onlineForms()) {
                s.statements.add(stmt(i.definition().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY "),
                        false, hz(HazardKind.INDEX_BUILD, "builds index " + i.name() + " on " + i.table()
                                + " without blocking writes")));
            } else {
                s.statements.add(stmt(i.definition(), true, existing
                        ? List.of(hz(HazardKind.INDEX_BUILD, "builds index " + i.name() + " on " + i.table()),
                        hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "blocks writes to " + i.table() + " while the index builds"))
                        : List.of()));
            }
            s.needs.add(i.relationId());
        } else if (o instanceof ViewDef v) {
            Step s = step(Phase.CREATE_VIEW, "create " + o.describe(), out);
            s.statements.add(stmt("CREATE " + v.keyword() + " " + v.name().sql()
                    + (v.reloptions().isEmpty() ? "" : " WITH (" + String.join(", ", v.reloptions()) + ")")
                    + " AS\n" + v.definition() + (v.materialized() ? "\nWITH DATA" : ""), true,
                    v.materialized() && current.objects().containsKey(v.id())
                            ? List.of(hz(HazardKind.TABLE_REWRITE, "fills materialized view " + v.name() + " by running its query"))
                            : List.of()));
        } else if (o instanceof FunctionDef f) {
            // Unless something needs it earlier, a SQL-string function comes after the tables and views it may read.
            Step s = step(f.sqlStringBody() ? Phase.CREATE_SQL_FUNCTION : Phase.CREATE_FUNCTION, "create " + o.describe(), out);
            s.statements.add(stmt(f.definition(), true));
        } else if (o instanceof TriggerDef tg) {
            Step s = step(Phase.CREATE_TRIGGER, "create " + o.describe(), out);
            s.statements.add(stmt(tg.definition(), true));
            if (!"O".equals(tg.enabled())) {
                s.statements.add(stmt(enableTrigger(tg), true));
            }
        } else if (o instanceof PolicyDef p) {
            Step s = step(Phase.CREATE_POLICY, "create " + o.describe(), out);
            s.statements.add(stmt(p.createSql(), true, hz(HazardKind.AUTHORIZATION_CHANGE,
                    "policy " + p.name() + " changes which rows of " + p.table() + " roles can see or write")));
        } else if (o instanceof DomainDef d) {
            Step s = step(Phase.CREATE_TYPE, "create " + o.describe(), out);
            StringBuilder sb = new StringBuilder("CREATE DOMAIN ").append(d.name().sql()).append(" AS ").append(d.baseType());
            if (d.collation() != null) {
                sb.append(" COLLATE ").append(d.collation());
            }
            if (d.defaultExpr() != null) {
                sb.append(" DEFAULT ").append(d.defaultExpr());
            }
            if (d.notNull()) {
                sb.append(" NOT NULL");
            }
            for (ConstraintDef k : d.constraints()) {
                if (k.validated()) {
                    sb.append(' ').append(k.sql());
                }
            }
            s.statements.add(stmt(sb.toString(), true));
            for (ConstraintDef k : d.constraints()) {
                if (!k.validated()) {
                    s.statements.add(stmt("ALTER DOMAIN " + d.name().sql() + " ADD " + k.sql() + " NOT VALID", true));
                }
            }
        } else if (o instanceof CompositeTypeDef c) {
            Step s = step(Phase.CREATE_TYPE, "create " + o.describe(), out);
            s.statements.add(stmt("CREATE TYPE " + c.name().sql() + " AS ("
                    + c.attributes().stream().map(CompositeTypeDef.Attribute::sql).collect(Collectors.joining(", ")) + ")", true));
        } else if (o instanceof RangeTypeDef r) {
            Step s = step(Phase.CREATE_TYPE, "create " + o.describe(), out);
            s.statements.add(stmt("CREATE TYPE " + r.name().sql() + " AS RANGE (" + r.options() + ")", true));
        } else {
            throw new EngineException(EngineException.Code.INTERNAL, "cannot create " + o.describe());
        }
    }

    private static String enableTrigger(TriggerDef tg) {
        String mode = switch (tg.enabled()) {
            case "D" -> "DISABLE";
            case "R" -> "ENABLE REPLICA";
            case "A" -> "ENABLE ALWAYS";
            default -> "ENABLE";
        };
        String relation = tg.relationId().startsWith("view:") ? "ALTER VIEW " : "ALTER TABLE ";
        return "ALTER TABLE " + tg.table().sql() + " " + mode + " TRIGGER " + Ident.quote(tg.name());
    }

    private String createTable(TableDef t) {
        List<String> elements = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            elements.add("    " + c.sql());
        }
        for (ConstraintDef k : t.constraints()) {
            if (Differ.inlineInCreateTable(k) && t.partitionOf() == null) {
                elements.add("    " + k.sql());
            }
        }
        String with = t.reloptions().isEmpty() ? "" : " WITH (" + String.join(", ", t.reloptions()) + ")";
        if (t.partitionOf() != null) {
            return "CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + t.name().sql() + " PARTITION OF "
                    + t.partitionOf().sql() + with + " " + t.partitionBound()
                    + (t.partitionKey() == null ? "" : " PARTITION BY " + t.partitionKey());
        }
        return "CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + t.name().sql() + " (\n"
                + String.join(",\n", elements) + "\n)"
                + (t.partitionKey() == null ? "" : " PARTITION BY " + t.partitionKey()) + with;
    }

    private void ownedBy(SequenceDef sq, List<Step> out) {
        Step s = step(Phase.SEQUENCE_OWNERSHIP, "sequence " + sq.name() + " owned by", out);
        if (sq.ownedBy() == null) {
            s.statements.add(stmt("ALTER SEQUENCE " + sq.name().sql() + " OWNED BY NONE", true));
        } else {
            s.statements.add(stmt("ALTER SEQUENCE " + sq.name().sql() + " OWNED BY " + sq.ownedBy().sql() + "."
                    + Ident.quote(sq.ownedColumn()), true));
            s.needs.add("column:" + sq.ownedBy() + "." + sq.ownedColumn());
        }
        s.needs.add(sq.id());
    }

    private void drop(DbObject o, List<Step> out) {
        if (o instanceof SchemaDef sc) {
            Step s = step(Phase.DROP_SCHEMA, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP SCHEMA " + Ident.quote(sc.name()), true));
        } else if (o instanceof ExtensionDef x) {
            Step s = step(Phase.DROP_EXTENSION, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP EXTENSION " + Ident.quote(x.name()), true,
                    hz(HazardKind.DELETES_DATA, "drops extension " + x.name() + " and the objects it owns")));
        } else if (o instanceof EnumDef e) {
            Step s = step(Phase.DROP_TYPE, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP TYPE " + e.name().sql(), true));
        } else if (o instanceof SequenceDef sq) {
            Step s = step(Phase.DROP_SEQUENCE, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP SEQUENCE " + sq.name().sql(), true,
                    hz(HazardKind.DELETES_DATA, "drops sequence " + sq.name() + " and its current value")));
        } else if (o instanceof TableDef t) {
            Step s = step(Phase.DROP_TABLE, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP TABLE " + t.name().sql(), true,
                    hz(HazardKind.DELETES_DATA, "drops table " + t.name() + " and all its rows")));
            for (ColumnDef c : t.columns()) {
                s.drops.add(columnId(t, c.name()));
            }
        } else if (o instanceof IndexDef i) {
            Step s = step(Phase.DROP_CONSTRAINT_OR_INDEX, "drop " + o.describe(), out);
            Hazard h = hz(HazardKind.INDEX_DROPPED, "drops index " + i.name() + " on " + i.table());
            if (options.onlineForms()) {
                s.statements.add(stmt("DROP INDEX CONCURRENTLY " + i.name().sql(), false, h));
            } else {
                s.statements.add(stmt("DROP INDEX " + i.name().sql(), true, h));
            }
        } else if (o instanceof ViewDef v) {
            Step s = step(Phase.DROP_VIEW, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP " + v.keyword() + " " + v.name().sql(), true, v.materialized()
                    ? List.of(hz(HazardKind.DELETES_DATA, "drops materialized view " + v.name() + " and its stored rows"))
                    : List.of()));
        } else if (o instanceof FunctionDef f) {
            Step s = step(Phase.DROP_FUNCTION, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP " + f.keyword() + " " + f.signatureSql(), true));
        } else if (o instanceof TriggerDef tg) {
            Step s = step(Phase.DROP_TRIGGER, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP TRIGGER " + Ident.quote(tg.name()) + " ON " + tg.table().sql(), true));
        } else if (o instanceof PolicyDef p) {
            Step s = step(Phase.DROP_POLICY, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP POLICY " + Ident.quote(p.name()) + " ON " + p.table().sql(), true,
                    hz(HazardKind.AUTHORIZATION_CHANGE, "removes policy " + p.name() + " on " + p.table())));
        } else if (o instanceof DomainDef d) {
            Step s = step(Phase.DROP_TYPE, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP DOMAIN " + d.name().sql(), true));
        } else if (o instanceof CompositeTypeDef || o instanceof RangeTypeDef) {
            Step s = step(Phase.DROP_TYPE, "drop " + o.describe(), out);
            s.statements.add(stmt("DROP TYPE " + ((o instanceof CompositeTypeDef c) ? c.name() : ((RangeTypeDef) o).name()).sql(), true));
        } else {
            throw new EngineException(EngineException.Code.INTERNAL, "cannot drop " + o.describe());
        }
        Step last = out.get(out.size() - 1);
        last.drops.add(o.id());
        last.releases.addAll(o.dependsOn());
        last.releases.addAll(current.dependencies().getOrDefault(o.id(), EMPTY));
    }

    private void alter(DbObject from, DbObject to, List<Step> out) {
        if (from instanceof EnumDef fe && to instanceof EnumDef te) {
            alterEnum(fe, te, out);
        } else if (from instanceof SequenceDef fs && to instanceof SequenceDef ts) {
            Step s = step(Phase.CREATE_SEQUENCE, "alter " + to.describe(), out);
            String opts = fs.options().alterSql(ts.options());
            if (!opts.isEmpty()) {
                s.statements.add(stmt("ALTER SEQUENCE " + ts.name().sql() + opts, true));
            }
            if (fs.unlogged() != ts.unlogged()) {
                s.statements.add(stmt("ALTER SEQUENCE " + ts.name().sql() + (ts.unlogged() ? " SET UNLOGGED" : " SET LOGGED"), true));
            }
            s.needs.add(ts.id());
            if (!Objects.equals(fs.ownedBy(), ts.ownedBy()) || !Objects.equals(fs.ownedColumn(), ts.ownedColumn())) {
                ownedBy(ts, out);
            }
        } else if (from instanceof ExtensionDef fx && to instanceof ExtensionDef tx) {
            Step s = step(Phase.CREATE_EXTENSION, "alter " + to.describe(), out);
            if (!fx.schema().equals(tx.schema())) {
                s.statements.add(stmt("ALTER EXTENSION " + Ident.quote(tx.name()) + " SET SCHEMA " + Ident.quote(tx.schema()), true));
                s.needs.add(DbObject.schemaId(tx.schema()));
            }
            if (!fx.version().equals(tx.version())) {
                s.statements.add(stmt("ALTER EXTENSION " + Ident.quote(tx.name()) + " UPDATE TO " + Ident.literal(tx.version()), true));
            }
        } else if (from instanceof FunctionDef && to instanceof FunctionDef tf) {
            Step s = step(Phase.CREATE_FUNCTION, "replace " + to.describe(), out);
            s.statements.add(stmt(tf.definition(), true));
            s.needs.addAll(tf.dependsOn());
        } else if (from instanceof TriggerDef && to instanceof TriggerDef tg) {
            Step s = step(Phase.CREATE_TRIGGER, "alter " + to.describe(), out);
            s.statements.add(stmt(enableTrigger(tg), true));
        } else if (from instanceof DomainDef fd && to instanceof DomainDef td) {
            alterDomain(fd, td, out);
        } else if (from instanceof CompositeTypeDef fc && to instanceof CompositeTypeDef tc) {
            Step s = step(Phase.CREATE_TYPE, "alter " + to.describe(), out);
            String alter = "ALTER TYPE " + tc.name().sql();
            for (CompositeTypeDef.Attribute a : fc.attributes()) {
                if (tc.attributes().stream().noneMatch(b -> b.name().equals(a.name()))) {
                    s.statements.add(stmt(alter + " DROP ATTRIBUTE " + Ident.quote(a.name()), true));
                }
            }
            for (CompositeTypeDef.Attribute b : tc.attributes()) {
                CompositeTypeDef.Attribute a = fc.attributes().stream().filter(x -> x.name().equals(b.name())).findFirst().orElse(null);
                if (a == null) {
                    s.statements.add(stmt(alter + " ADD ATTRIBUTE " + b.sql(), true));
                } else if (!a.equals(b)) {
                    if (current.tables().stream().anyMatch(t -> t.columns().stream().anyMatch(c -> c.typeDeps().contains(tc.id())))) {
                        throw new EngineException(EngineException.Code.UNSUPPORTED_OBJECT, "type " + tc.name() + ": attribute "
                                + b.name() + " changes type while table columns use the type; PostgreSQL cannot alter it in place");
                    }
                    s.statements.add(stmt(alter + " ALTER ATTRIBUTE " + Ident.quote(b.name()) + " TYPE " + b.type()
                            + (b.collation() == null ? "" : " COLLATE " + b.collation()), true));
                }
            }
            s.needs.addAll(tc.dependsOn());
            s.releases.addAll(fc.dependsOn());
        } else if (from instanceof TableDef ft && to instanceof TableDef tt) {
            Step s = step(Phase.ALTER_TABLE, "alter " + to.describe(), out);
            if (ft.rowSecurity() != tt.rowSecurity()) {
                s.statements.add(stmt(alterTable(tt) + (tt.rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY", true,
                        hz(HazardKind.AUTHORIZATION_CHANGE, (tt.rowSecurity() ? "enables" : "disables")
                                + " row level security on " + tt.name())));
            }
            if (ft.forceRowSecurity() != tt.forceRowSecurity()) {
                s.statements.add(stmt(alterTable(tt) + (tt.forceRowSecurity() ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY", true,
                        hz(HazardKind.AUTHORIZATION_CHANGE, "changes whether the owner of " + tt.name() + " bypasses row level security")));
            }
            if (ft.unlogged() != tt.unlogged()) {
                s.statements.add(stmt(alterTable(tt) + (tt.unlogged() ? " SET UNLOGGED" : " SET LOGGED"), true,
                        hz(HazardKind.TABLE_REWRITE, "rewrites table " + tt.name() + " to change its persistence"),
                        hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "blocks reads and writes of " + tt.name() + " during the rewrite")));
            }
            List<String> reset = ft.reloptions().stream().map(o -> o.split("=", 2)[0])
                    .filter(k -> tt.reloptions().stream().noneMatch(o -> o.startsWith(k + "="))).toList();
            if (!reset.isEmpty()) {
                s.statements.add(stmt(alterTable(tt) + " RESET (" + String.join(", ", reset) + ")", true));
            }
            List<String> set = tt.reloptions().stream().filter(o -> !ft.reloptions().contains(o)).toList();
            if (!set.isEmpty()) {
                s.statements.add(stmt(alterTable(tt) + " SET (" + String.join(", ", set) + ")", true));
            }
            if (ft.partitionOf() != null && (!ft.partitionOf().equals(tt.partitionOf())
                    || !Objects.equals(ft.partitionBound(), tt.partitionBound()))) {
                // Before the parent's column changes, which would otherwise reach the partition too.
                Step detach = step(Phase.DETACH_PARTITION, "detach " + tt.describe(), out);
                detach.statements.add(stmt("ALTER TABLE " + ft.partitionOf().sql() + " DETACH PARTITION " + tt.name().sql(), true,
                        hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "locks " + ft.partitionOf() + " to detach " + tt.name())));
                // What it had from the parent becomes its own only now: changes to that come after the detach,
                // and a dropped parent goes only after it.
                detach.releases.add("table:" + ft.partitionOf());
                for (ConstraintDef k : ft.inherited().constraints()) {
                    detach.releases.add(constraintId(ft, k.name()));
                    if (k.hasIndex()) {
                        detach.releases.add("index:" + new QName(ft.name().schema(), k.name()));
                    }
                }
                ft.inherited().indexes().forEach(i -> detach.releases.add(i.id()));
            }
            if (tt.partitionOf() != null && (!tt.partitionOf().equals(ft.partitionOf())
                    || !Objects.equals(ft.partitionBound(), tt.partitionBound()))) {
                s.statements.add(stmt("ALTER TABLE " + tt.partitionOf().sql() + " ATTACH PARTITION " + tt.name().sql() + " "
                        + tt.partitionBound(), true,
                        hz(HazardKind.VALIDATES_CONSTRAINT, "scans " + tt.name() + " to check it fits partition bound "
                                + tt.partitionBound())));
                s.needs.add("table:" + tt.partitionOf());
            }
            s.needs.add(tt.id());
        } else {
            throw new EngineException(EngineException.Code.INTERNAL, "cannot alter " + to.describe());
        }
    }

    private void alterDomain(DomainDef from, DomainDef to, List<Step> out) {
        Step s = step(Phase.CREATE_TYPE, "alter " + to.describe(), out);
        String alter = "ALTER DOMAIN " + to.name().sql();
        for (ConstraintDef k : from.constraints()) {
            ConstraintDef w = to.constraints().stream().filter(x -> x.name().equals(k.name())).findFirst().orElse(null);
            if (w == null || !w.definition().equals(k.definition()) || k.validated() && !w.validated()) {
                s.statements.add(stmt(alter + " DROP CONSTRAINT " + Ident.quote(k.name()), true));
            }
        }
        if (!Objects.equals(from.defaultExpr(), to.defaultExpr())) {
            s.statements.add(stmt(alter + (to.defaultExpr() == null ? " DROP DEFAULT" : " SET DEFAULT " + to.defaultExpr()), true));
        }
        if (from.notNull() != to.notNull()) {
            s.statements.add(stmt(alter + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL"), true, to.notNull()
                    ? List.of(hz(HazardKind.VALIDATES_CONSTRAINT, "checks every column of domain " + to.name() + " for NULLs"))
                    : List.of()));
        }
        for (ConstraintDef w : to.constraints()) {
            ConstraintDef k = from.constraints().stream().filter(x -> x.name().equals(w.name())).findFirst().orElse(null);
            if (k == null || !w.definition().equals(k.definition()) || k.validated() && !w.validated()) {
                s.statements.add(stmt(alter + " ADD " + w.sql() + (w.validated() && !options.onlineForms() ? "" : " NOT VALID"), true));
                if (w.validated() && options.onlineForms()) {
                    s.statements.add(stmt(alter + " VALIDATE CONSTRAINT " + Ident.quote(w.name()), true,
                            hz(HazardKind.VALIDATES_CONSTRAINT, "checks every value of domain " + to.name() + " against " + w.name())));
                }
            } else if (!k.validated() && w.validated()) {
                s.statements.add(stmt(alter + " VALIDATE CONSTRAINT " + Ident.quote(w.name()), true,
                        hz(HazardKind.VALIDATES_CONSTRAINT, "checks every value of domain " + to.name() + " against " + w.name())));
            }
        }
        s.needs.addAll(to.dependsOn());
        s.needs.add(to.id());
        s.releases.addAll(from.dependsOn());
    }

    private void alterEnum(EnumDef from, EnumDef to, List<Step> out) {
        List<String> have = from.labels();
        List<String> want = to.labels();
        List<String> kept = want.stream().filter(have::contains).toList();
        if (!kept.equals(have)) {
            throw new EngineException(EngineException.Code.INTERNAL, "enum " + to.name()
                    + ": removing or reordering values is a type swap, not an ALTER (" + have + " -> " + want + ")");
        }
        Step s = step(Phase.CREATE_TYPE, "alter " + to.describe(), out);
        for (int i = 0; i < want.size(); i++) {
            String label = want.get(i);
            if (have.contains(label)) {
                continue;
            }
            String position = i + 1 < want.size() && have.contains(want.get(i + 1))
                    ? " BEFORE " + Ident.literal(want.get(i + 1))
                    : i > 0 ? " AFTER " + Ident.literal(want.get(i - 1)) : "";
            s.statements.add(stmt("ALTER TYPE " + to.name().sql() + " ADD VALUE " + Ident.literal(label) + position, false,
                    hz(HazardKind.NON_TRANSACTIONAL, "adds value " + label + " to enum " + to.name()
                            + "; it runs outside a transaction so later statements can use it")));
            // Later additions are positioned relative to values that now exist.
            have = new ArrayList<>(have);
            have.add(label);
        }
        s.needs.add(to.id());
    }

    /**
     * New type under a temporary name, columns converted through text (defaults dropped first: they are
     * expressions of the old type), old type dropped, new one renamed, kept defaults and the comment set again.
     */
    private void swapEnum(Change.SwapEnum w, List<Step> out) {
        EnumDef to = w.to();
        QName temp = swapName(to.name());
        String tempId = DbObject.typeId(temp);
        List<String> lost = w.from().labels().stream().filter(l -> !to.labels().contains(l)).toList();

        Step create = step(Phase.CREATE_TYPE, "create " + to.describe() + " as " + temp, out);
        create.statements.add(stmt("CREATE TYPE " + temp.sql() + " AS ENUM ("
                + to.labels().stream().map(Ident::literal).collect(Collectors.joining(", ")) + ")", true));
        create.creates.add(tempId);
        create.needs.add(DbObject.schemaId(temp.schema()));

        Step finish = step(Phase.ALTER_COLUMN, "replace " + to.describe() + " by " + temp, out);
        for (Change.SwappedColumn sc : w.columns()) {
            TableDef t = sc.table();
            ColumnDef c = sc.column();
            String name = t.name() + "." + c.name();
            String col = alterTable(t) + " ALTER COLUMN " + Ident.quote(c.name());
            boolean array = c.type().endsWith("[]");
            Step s = step(Phase.ALTER_COLUMN, "convert column " + name + " to " + temp, out);
            if (c.defaultExpr() != null) {
                s.statements.add(stmt(col + " DROP DEFAULT", true));
            }
            List<Hazard> hazards = new ArrayList<>(List.of(
                    hz(HazardKind.TABLE_REWRITE, "rewrites table " + t.name() + " to convert " + name + " to the new enum "
                            + to.name()),
                    hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "blocks reads and writes of " + t.name() + " during the rewrite")));
            if (!lost.isEmpty()) {
                hazards.add(hz(HazardKind.MAY_FAIL_ON_DATA, "rows of " + name + " holding a removed value of " + to.name() + " ("
                        + String.join(", ", lost) + ") make the cast fail at apply time; update them first"));
            }
            s.statements.add(stmt(col + " TYPE " + temp.sql() + (array ? "[]" : "") + " USING " + Ident.quote(c.name())
                    + (array ? "::text[]::" + temp.sql() + "[]" : "::text::" + temp.sql()), true, hazards));
            String colId = columnId(t, c.name());
            s.needs.add(tempId);
            s.needs.add(t.id());
            s.needs.add(colId);
            // Views and constraints over the column are dropped before and created after it.
            s.drops.add(colId);
            s.creates.add(colId);
            finish.needs.add(colId);
        }
        finish.statements.add(stmt("DROP TYPE " + w.from().name().sql(), true));
        finish.statements.add(stmt("ALTER TYPE " + temp.sql() + " RENAME TO " + Ident.quote(to.name().name()), true));
        if (to.comment() != null) {
            finish.statements.add(stmt("COMMENT ON TYPE " + to.name().sql() + " IS " + Ident.literal(to.comment()), true));
        }
        for (Change.SwappedColumn sc : w.columns()) {
            if (sc.keepDefault()) {
                finish.statements.add(stmt(alterTable(sc.table()) + " ALTER COLUMN " + Ident.quote(sc.column().name())
                        + " SET DEFAULT " + sc.column().defaultExpr(), true));
            }
        }
        finish.needs.add(tempId);
        finish.drops.add(w.from().id());
        finish.creates.add(to.id());
    }

    /**
     * The new type's temporary name, within PostgreSQL's 63-byte identifier limit and unused on both sides (a
     * swap that failed half-way leaves its type behind; the next plan drops that one and uses another name).
     */
    private QName swapName(QName name) {
        for (int n = 1; ; n++) {
            String suffix = "_converge_swap" + (n == 1 ? "" : String.valueOf(n));
            String base = name.name();
            while (base.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + suffix.length() > 63) {
                base = base.substring(0, base.length() - 1);
            }
            QName candidate = new QName(name.schema(), base + suffix);
            String id = DbObject.typeId(candidate);
            if (!current.objects().containsKey(id) && !desired.objects().containsKey(id)) {
                return candidate;
            }
        }
    }

    // ---- columns -------------------------------------------------------------------------------------------

    private void addColumn(TableDef t, ColumnDef c, List<Step> out) {
        Step s = step(Phase.ADD_COLUMN, "add column " + t.name() + "." + c.name(), out);
        List<Hazard> hazards = new ArrayList<>();
        boolean rewrite = c.generated() != null || c.identity() != null
                || c.defaultExpr() != null && VOLATILE_DEFAULT.matcher(c.defaultExpr()).find();
        if (rewrite) {
            hazards.add(hz(HazardKind.TABLE_REWRITE, "fills column " + t.name() + "." + c.name() + " for every existing row"));
            hazards.add(hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "blocks reads and writes of " + t.name() + " while it does"));
        }
        if (c.notNull() && c.defaultExpr() == null && c.identity() == null && c.generated() == null) {
            hazards.add(hz(HazardKind.MAY_FAIL_ON_DATA, "NOT NULL column " + t.name() + "." + c.name()
                    + " without a default fails if the table has rows"));
        }
        s.statements.add(stmt(alterTable(t) + " ADD COLUMN " + c.sql(), true, hazards));
        s.creates.add(columnId(t, c.name()));
        if (c.identitySequence() != null) {
            s.creates.add("sequence:" + c.identitySequence());
        }
        s.needs.add(t.id());
        s.needs.addAll(c.typeDeps());
        s.needs.addAll(c.exprDeps());
    }

    private void alterColumn(TableDef t, ColumnDef from, ColumnDef to, List<Step> out) {
        Step s = step(Phase.ALTER_COLUMN, "alter column " + t.name() + "." + to.name(), out);
        String col = alterTable(t) + " ALTER COLUMN " + Ident.quote(to.name());
        String name = t.name() + "." + to.name();
        boolean typeChange = !from.type().equals(to.type()) || !Objects.equals(from.collation(), to.collation());
        boolean defaultChange = !Objects.equals(from.defaultExpr(), to.defaultExpr());
        if (from.identity() != null && to.identity() == null) {
            s.statements.add(stmt(col + " DROP IDENTITY", true,
                    hz(HazardKind.DELETES_DATA, "drops the identity sequence of " + name)));
        }
        if (from.defaultExpr() != null && (typeChange || defaultChange)) {
            s.statements.add(stmt(col + " DROP DEFAULT", true));
        }
        if (typeChange) {
            boolean sameType = from.type().equals(to.type());
            String sql = col + " TYPE " + to.type() + (to.collation() == null ? "" : " COLLATE " + to.collation())
                    + (sameType ? "" : " USING " + Ident.quote(to.name()) + viaText(from, to) + "::" + to.type());
            List<Hazard> hazards = binaryCompatible(from, to) ? List.of() : List.of(
                    hz(HazardKind.TABLE_REWRITE, "rewrites table " + t.name() + " to change " + name + " from "
                            + from.type() + " to " + to.type()),
                    hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "blocks reads and writes of " + t.name() + " during the rewrite"),
                    hz(HazardKind.MAY_FAIL_ON_DATA, "existing values of " + name + " must convert to " + to.type()));
            s.statements.add(stmt(sql, true, hazards));
        }
        if (to.defaultExpr() != null && (typeChange || defaultChange)) {
            s.statements.add(stmt(col + " SET DEFAULT " + to.defaultExpr(), true));
        }
        if (!from.notNull() && to.notNull()) {
            setNotNull(t, to, col, s);
        }
        if (from.notNull() && !to.notNull()) {
            s.statements.add(stmt(col + " DROP NOT NULL", true));
        }
        if (to.identity() != null) {
            if (from.identity() == null) {
                // Own step: the sequence of a replaced serial default must be dropped before the identity's
                // sequence (often of the same name) is created.
                Step add = step(Phase.ALTER_COLUMN, "add identity " + name, out);
                add.needs.add(columnId(t, to.name()));
                add.creates.add("sequence:" + to.identitySequence());
                add.statements.add(stmt(col + " ADD GENERATED " + to.identity() + " AS IDENTITY (" + to.identityClause() + ")", true));
            } else {
                if (!from.identity().equals(to.identity())) {
                    s.statements.add(stmt(col + " SET GENERATED " + to.identity(), true));
                }
                if (!from.identitySequence().equals(to.identitySequence())) {
                    s.statements.add(stmt("ALTER SEQUENCE " + from.identitySequence().sql() + " RENAME TO "
                            + Ident.quote(to.identitySequence().name()), true));
                }
                if (typeChange || !from.identityOptions().equals(to.identityOptions())) {
                    boolean restart = from.identityOptions().needsRestart(to.identityOptions());
                    s.statements.add(stmt("ALTER SEQUENCE " + to.identitySequence().sql() + " " + to.identityOptions().sql()
                            + (restart ? " RESTART WITH " + to.identityOptions().start() : ""), true, restart
                            ? List.of(hz(HazardKind.MAY_FAIL_ON_DATA, "restarts the identity of " + name
                            + " at " + to.identityOptions().start() + "; new values may collide with existing rows"))
                            : List.of()));
                }
            }
        }
        s.needs.add(columnId(t, to.name()));
        if (typeChange) {
            // Views over the column are dropped before and created after the type change.
            s.drops.add(columnId(t, to.name()));
            s.creates.add(columnId(t, to.name()));
        }
        s.needs.addAll(to.typeDeps());
        s.needs.addAll(to.exprDeps());
        // Only what the column stops using: a type it keeps may be swapped by the same plan, after this step.
        from.typeDeps().stream().filter(d -> !to.typeDeps().contains(d)).forEach(s.releases::add);
        from.exprDeps().stream().filter(d -> !to.exprDeps().contains(d)).forEach(s.releases::add);
    }

    /** Enums and other user types have no cast to each other; going through text works for same-named labels. */
    private String viaText(ColumnDef from, ColumnDef to) {
        boolean userType = from.typeDeps().stream().anyMatch(d -> current.objects().get(d) instanceof EnumDef);
        if (!userType) {
            return "";
        }
        return from.type().endsWith("[]") ? "::text[]" : "::text";
    }

    private void setNotNull(TableDef t, ColumnDef c, String col, Step s) {
        String name = t.name() + "." + c.name();
        boolean existing = current.objects().containsKey(t.id());
        if (existing && options.onlineForms()) {
            // A validated CHECK lets SET NOT NULL skip its full-table scan under ACCESS EXCLUSIVE.
            String check = Ident.quote(truncate(t.name().name() + "_" + c.name() + "_not_null"));
            s.statements.add(stmt(alterTable(t) + " ADD CONSTRAINT " + check + " CHECK (" + Ident.quote(c.name())
                    + " IS NOT NULL) NOT VALID", true));
            s.statements.add(stmt(alterTable(t) + " VALIDATE CONSTRAINT " + check, true,
                    hz(HazardKind.VALIDATES_CONSTRAINT, "scans " + t.name() + " to prove " + c.name() + " has no NULLs"),
                    hz(HazardKind.MAY_FAIL_ON_DATA, "fails if " + name + " contains NULLs")));
            s.statements.add(stmt(col + " SET NOT NULL", true));
            s.statements.add(stmt(alterTable(t) + " DROP CONSTRAINT " + check, true));
        } else {
            s.statements.add(stmt(col + " SET NOT NULL", true,
                    hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "scans " + t.name() + " under an ACCESS EXCLUSIVE lock"),
                    hz(HazardKind.MAY_FAIL_ON_DATA, "fails if " + name + " contains NULLs")));
        }
    }

    private static String truncate(String ident) {
        return ident.length() <= 63 ? ident : ident.substring(0, 63);
    }

    /** Type changes PostgreSQL does without rewriting: widening varchar, varchar to text, collation only. */
    private static boolean binaryCompatible(ColumnDef from, ColumnDef to) {
        if (from.type().equals(to.type())) {
            return false; // collation change on an indexed column rebuilds indexes; keep the hazard
        }
        Matcher f = Pattern.compile("character varying\\((\\d+)\\)").matcher(from.type());
        Matcher t = Pattern.compile("character varying\\((\\d+)\\)").matcher(to.type());
        if (f.matches() && t.matches()) {
            return Integer.parseInt(t.group(1)) >= Integer.parseInt(f.group(1));
        }
        return f.matches() && (to.type().equals("text") || to.type().equals("character varying"))
                || from.type().equals("character varying") && to.type().equals("text");
    }

    // ---- constraints -----------------------------------------------------------------------------------------

    private void addConstraint(TableDef t, ConstraintDef k, boolean newTable, List<Step> out) {
        Phase phase = k.isForeignKey() ? Phase.ADD_FOREIGN_KEY : Phase.ADD_CONSTRAINT_OR_INDEX;
        Step s = step(phase, "add " + k.kindName() + " " + k.name() + " on " + t.name(), out);
        String add = alterTable(t) + " ADD " + k.sql();
        boolean online = options.onlineForms() && !newTable;
        if (k.type() == 'f' || k.type() == 'c') {
            if (!k.validated()) {
                s.statements.add(stmt(add + " NOT VALID", true));
            } else if (online) {
                s.statements.add(stmt(add + " NOT VALID", true));
                s.statements.add(validate(t, k));
            } else {
                s.statements.add(stmt(add, true, newTable ? List.of()
                        : List.of(hz(HazardKind.VALIDATES_CONSTRAINT, "scans " + t.name() + " to check " + k.name()))));
            }
        } else {
            Matcher m = SIMPLE_KEY.matcher(k.definition());
            String index = "index:" + new QName(t.name().schema(), k.name());
            if (online && m.matches()) {
                s.statements.add(stmt("CREATE UNIQUE INDEX CONCURRENTLY " + Ident.quote(k.name()) + " ON " + t.name().sql()
                                + " USING btree (" + m.group(3) + ")" + (m.group(4) == null ? "" : m.group(4))
                                + (m.group(2) == null ? "" : m.group(2)), false,
                        hz(HazardKind.INDEX_BUILD, "builds the index of " + k.kindName() + " " + k.name()
                                + " without blocking writes"),
                        hz(HazardKind.MAY_FAIL_ON_DATA, "fails if " + t.name() + " has duplicates")));
                s.statements.add(stmt(alterTable(t) + " ADD CONSTRAINT " + Ident.quote(k.name()) + " " + m.group(1)
                        + " USING INDEX " + Ident.quote(k.name()), true));
            } else {
                s.statements.add(stmt(add, true, newTable ? List.of() : List.of(
                        hz(HazardKind.INDEX_BUILD, "builds the index of " + k.kindName() + " " + k.name()),
                        hz(HazardKind.ACCESS_EXCLUSIVE_LOCK, "blocks writes to " + t.name() + " while it builds"))));
            }
            s.creates.add(index);
        }
        s.creates.add(constraintId(t, k.name()));
        s.needs.addAll(desired.dependencies().getOrDefault(constraintId(t, k.name()), EMPTY));
        s.needs.add(t.id());
        if (k.references() != null) {
            s.needs.add("table:" + k.references());
            if (k.referencedColumns() != null) {
                k.referencedColumns().forEach(c -> s.needs.add("column:" + k.references() + "." + c));
            }
        }
        for (ColumnDef c : t.columns()) {
            if (k.definition().contains(c.name())) {
                s.needs.add(columnId(t, c.name()));
            }
        }
    }

    private Statement validate(TableDef t, ConstraintDef k) {
        return stmt(alterTable(t) + " VALIDATE CONSTRAINT " + Ident.quote(k.name()), true,
                hz(HazardKind.VALIDATES_CONSTRAINT, "scans " + t.name() + " to validate " + k.kindName() + " " + k.name()
                        + " (reads and writes continue)"));
    }

    private void dropConstraint(TableDef t, ConstraintDef k, List<Step> out) {
        Phase phase = k.isForeignKey() ? Phase.DROP_FOREIGN_KEY : Phase.DROP_CONSTRAINT_OR_INDEX;
        Step s = step(phase, "drop " + k.kindName() + " " + k.name() + " on " + t.name(), out);
        List<Hazard> hazards = k.hasIndex()
                ? List.of(hz(HazardKind.INDEX_DROPPED, "drops the index of " + k.kindName() + " " + k.name() + " on " + t.name()))
                : List.of();
        s.statements.add(stmt(alterTable(t) + " DROP CONSTRAINT " + Ident.quote(k.name()), true, hazards));
        s.drops.add(constraintId(t, k.name()));
        s.releases.addAll(current.dependencies().getOrDefault(constraintId(t, k.name()), EMPTY));
        // pg_depend has no entries for foreign keys here: name the columns on both sides from the definition.
        if (k.foreignKeyColumns() != null && k.referencedColumns() != null) {
            k.foreignKeyColumns().forEach(c -> s.releases.add(columnId(t, c)));
            k.referencedColumns().forEach(c -> s.releases.add("column:" + k.references() + "." + c));
        }
        if (k.hasIndex()) {
            s.drops.add("index:" + new QName(t.name().schema(), k.name()));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String alterTable(TableDef t) {
        return "ALTER TABLE " + t.name().sql();
    }

    private static String columnId(TableDef t, String column) {
        return "column:" + t.name() + "." + column;
    }

    private static String constraintId(TableDef t, String constraint) {
        return "constraint:" + t.name() + "." + constraint;
    }

    private Step step(Phase phase, Change change, List<Step> out) {
        return step(phase, change.describe(), out);
    }

    private Step step(Phase phase, String label, List<Step> out) {
        Step s = new Step(phase, seq++, label);
        out.add(s);
        return s;
    }

    private static Hazard hz(HazardKind kind, String message) {
        return new Hazard(kind, message);
    }

    private Statement stmt(String sql, boolean transactional, Hazard... hazards) {
        return stmt(sql, transactional, List.of(hazards));
    }

    private Statement stmt(String sql, boolean transactional, List<Hazard> hazards) {
        List<Hazard> all = new ArrayList<>(hazards);
        if (!transactional && all.stream().noneMatch(h -> h.kind() == HazardKind.NON_TRANSACTIONAL)) {
            all.add(hz(HazardKind.NON_TRANSACTIONAL, "runs outside a transaction; if it fails, earlier statements stay applied"));
        }
        boolean longRunning = all.stream().anyMatch(h -> LONG_RUNNING.contains(h.kind()));
        Duration statementTimeout = longRunning ? options.longStatementTimeout() : options.shortStatementTimeout();
        return new Statement(sql, all, transactional, options.lockTimeout(), statementTimeout);
    }
}
