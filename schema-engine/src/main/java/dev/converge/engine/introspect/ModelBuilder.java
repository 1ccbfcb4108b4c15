package dev.converge.engine.introspect;

import dev.converge.engine.EngineException;
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
import dev.converge.engine.model.ExtensionDef;
import dev.converge.engine.model.Ident;
import dev.converge.engine.model.IndexDef;
import dev.converge.engine.model.QName;
import dev.converge.engine.model.SchemaDef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.SequenceDef;
import dev.converge.engine.model.SequenceOptions;
import dev.converge.engine.model.TableDef;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the rows of {@link CatalogQueries} into model objects, applying the exclusions. */
final class ModelBuilder {
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");
    private static final Set<String> BUILTIN_TYPE_SCHEMAS = Set.of("pg_catalog", "information_schema");

    private final IntrospectOptions options;
    private final List<DbObject> objects = new ArrayList<>();
    private final Map<Long, TableParts> tablesByOid = new HashMap<>();
    private final Map<Long, QName> viewsByOid = new HashMap<>();
    private final java.util.SortedMap<String, java.util.SortedSet<String>> dependencies = new java.util.TreeMap<>();

    private static final java.util.function.Predicate<String> NON_RELATION_DEP = d -> d.startsWith("function:")
            || d.startsWith("type:") || d.startsWith("sequence:") || d.startsWith("extension:");

    ModelBuilder(IntrospectOptions options) {
        this.options = options;
    }

    private boolean excluded(String schema, String name) {
        return options.excludesSchema(schema) || options.excludes(schema + "." + name);
    }

    /**
     * Hands each row that names a schema object ({@code nspname} and {@code nameColumn}) to {@code reader} with
     * that name, unless the object is excluded: every object kind is filtered the same way.
     */
    private void forEachIncluded(RowSet<Row> rows, String nameColumn, BiConsumer<Row, QName> reader) {
        for (Row r : rows) {
            String schema = r.getString("nspname");
            String name = r.getString(nameColumn);
            if (!excluded(schema, name)) {
                reader.accept(r, new QName(schema, name));
            }
        }
    }

    void unsupported(RowSet<Row> rows) {
        List<String> refused = new ArrayList<>();
        for (Row r : rows) {
            String schema = r.getString(0);
            String name = r.getString(1);
            if (!schema.isEmpty() && excluded(schema, name) || schema.isEmpty() && options.excludes(name)) {
                continue;
            }
            refused.add(r.getString(2));
        }
        if (!refused.isEmpty()) {
            String list = String.join(", ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? " and " + (refused.size() - 5) + " more" : "");
            throw new EngineException(EngineException.Code.UNSUPPORTED_OBJECT,
                    "the schema contains objects Converge does not manage yet: " + list
                            + " (exclude them with --exclude-schema or --exclude '<schema>.<name>')");
        }
    }

    void dependencies(RowSet<Row> rows) {
        for (Row r : rows) {
            dependencies.computeIfAbsent(r.getString("dependent"), k -> new java.util.TreeSet<>()).add(r.getString("referenced"));
        }
    }

    private List<String> depsOf(String id) {
        return new ArrayList<>(dependencies.getOrDefault(id, java.util.Collections.emptySortedSet()));
    }

    /** {@link #depsOf} less the object itself. */
    private List<String> depsOfOthers(String id) {
        return depsOf(id).stream().filter(d -> !d.equals(id)).toList();
    }

    /** The name in two columns of a LEFT JOIN, or null when the join found nothing (the name column is null). */
    private static QName nameOrNull(Row r, String schemaColumn, String nameColumn) {
        return r.getString(nameColumn) == null ? null : new QName(r.getString(schemaColumn), r.getString(nameColumn));
    }

    /** A text[] column that is NULL when empty (reloptions). */
    private static List<String> listOrEmpty(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    void schemas(RowSet<Row> rows) {
        for (Row r : rows) {
            String name = r.getString("nspname");
            if (!options.excludesSchema(name)) {
                objects.add(new SchemaDef(name, r.getString("comment")));
            }
        }
    }

    void extensions(RowSet<Row> rows) {
        for (Row r : rows) {
            String name = r.getString("extname");
            if (!options.excludes(name)) {
                objects.add(new ExtensionDef(name, r.getString("nspname"), r.getString("extversion"), r.getString("comment")));
            }
        }
    }

    void enums(RowSet<Row> rows) {
        forEachIncluded(rows, "typname", (r, q) ->
                objects.add(new EnumDef(q, Arrays.asList(r.getArrayOfStrings("labels")), r.getString("comment"))));
    }

    void sequences(RowSet<Row> rows) {
        forEachIncluded(rows, "relname", (r, q) ->
                objects.add(new SequenceDef(q, sequenceOptions(r, "type"), "u".equals(r.getString("relpersistence")),
                        nameOrNull(r, "own_schema", "own_table"), r.getString("own_column"), r.getString("comment"))));
    }

    private static SequenceOptions sequenceOptions(Row r, String typeColumn) {
        return new SequenceOptions(r.getString(typeColumn), r.getLong("seqstart"), r.getLong("seqincrement"),
                r.getLong("seqmin"), r.getLong("seqmax"), r.getLong("seqcache"), r.getBoolean("seqcycle"));
    }

    void tables(RowSet<Row> tables, RowSet<Row> columns, RowSet<Row> constraints) {
        forEachIncluded(tables, "relname", (r, q) -> {
            TableParts parts = new TableParts(q, "u".equals(r.getString("relpersistence")),
                    listOrEmpty(r.getArrayOfStrings("reloptions")), r.getString("comment"));
            parts.rowSecurity = r.getBoolean("relrowsecurity");
            parts.forceRowSecurity = r.getBoolean("relforcerowsecurity");
            parts.partitionKey = r.getString("partkey");
            parts.partitionOf = nameOrNull(r, "parent_schema", "parent_name");
            parts.partitionBound = r.getString("bound");
            tablesByOid.put(r.getLong("oid"), parts);
        });
        for (Row r : columns) {
            TableParts t = tablesByOid.get(r.getLong("attrelid"));
            if (t != null) {
                t.columns.add(column(r, depsOf("column:" + t.name + "." + r.getString("attname"))));
            }
        }
        for (Row r : constraints) {
            TableParts t = tablesByOid.get(r.getLong("conrelid"));
            if (t != null) {
                (r.getBoolean("inherited") ? t.inheritedConstraints : t.constraints).add(constraint(r));
            }
        }
    }

    /** Tables are complete once their indexes are read (a partition's inherited indexes travel with it). */
    private void finishTables() {
        for (TableParts t : tablesByOid.values()) {
            // What defaults, generated columns and checks use, so that it exists before CREATE TABLE.
            List<String> deps = new ArrayList<>();
            for (ColumnDef c : t.columns) {
                deps.addAll(c.exprDeps());
            }
            for (ConstraintDef k : t.constraints) {
                if (!k.isForeignKey()) {
                    depsOf("constraint:" + t.name + "." + k.name()).stream().filter(NON_RELATION_DEP).forEach(deps::add);
                }
            }
            objects.add(new TableDef(t.name, t.unlogged, t.columns, t.constraints, t.reloptions, t.rowSecurity,
                    t.forceRowSecurity, t.comment, deps, t.partitionKey, t.partitionOf, t.partitionBound,
                    new TableDef.Inherited(t.inheritedConstraints, t.inheritedIndexes)));
        }
    }

    private static ColumnDef column(Row r, List<String> pgDeps) {
        String identity = switch (r.getString("attidentity")) {
            case "a" -> "ALWAYS";
            case "d" -> "BY DEFAULT";
            default -> null;
        };
        boolean generated = "s".equals(r.getString("attgenerated"));
        String expr = r.getString("default_expr");
        Set<String> typeDeps = new LinkedHashSet<>();
        String typeSchema = r.getString("type_schema");
        if (!BUILTIN_TYPE_SCHEMAS.contains(typeSchema)) {
            typeDeps.add(DbObject.typeId(new QName(typeSchema, r.getString("type_name"))));
        }
        Set<String> exprDeps = new LinkedHashSet<>();
        pgDeps.stream().filter(NON_RELATION_DEP).forEach(exprDeps::add);
        if (expr != null) {
            Matcher m = NEXTVAL.matcher(expr);
            while (m.find()) {
                List<String> parts = Ident.parseQualified(m.group(1).replace("''", "'"));
                if (parts.size() == 2) {
                    exprDeps.add("sequence:" + new QName(parts.get(0), parts.get(1)));
                }
            }
        }
        QName identitySeq = identity == null ? null : nameOrNull(r, "identity_seq_schema", "identity_seq_name");
        SequenceOptions identityOptions = identitySeq == null ? null : sequenceOptions(r, "seq_type");
        return new ColumnDef(r.getString("attname"), r.getString("type"), r.getString("collation"),
                r.getBoolean("attnotnull"), generated ? null : expr, identity, identitySeq, identityOptions,
                generated ? expr : null, r.getString("comment"), typeDeps, exprDeps);
    }

    private static ConstraintDef constraint(Row r) {
        String def = r.getString("def");
        boolean validated = r.getBoolean("convalidated");
        if (!validated && def.endsWith(" NOT VALID")) {
            def = def.substring(0, def.length() - " NOT VALID".length());
        }
        return new ConstraintDef(r.getString("conname"), r.getString("contype").charAt(0), def, validated,
                nameOrNull(r, "ref_schema", "ref_table"), r.getString("comment"));
    }

    void indexes(RowSet<Row> rows) {
        forEachIncluded(rows, "relname", (r, q) -> {
            TableParts t = tablesByOid.get(r.getLong("indrelid"));
            QName view = viewsByOid.get(r.getLong("indrelid"));
            if (t == null && view == null) {
                return; // on an excluded table or view
            }
            QName relation = t != null ? t.name : view;
            IndexDef index = new IndexDef(q, relation, (t != null ? "table:" : "view:") + relation, r.getString("def"),
                    r.getBoolean("indisunique"), r.getBoolean("indisvalid"), r.getString("comment"));
            if (r.getBoolean("inherited")) {
                if (t != null) {
                    t.inheritedIndexes.add(index);
                }
            } else {
                objects.add(index);
            }
        });
    }

    SchemaModel build(int serverVersion) {
        finishTables();
        return SchemaModel.of(serverVersion, objects, dependencies);
    }

    void views(RowSet<Row> rows) {
        forEachIncluded(rows, "relname", (r, q) -> {
            viewsByOid.put(r.getLong("oid"), q);
            Map<String, String> colComments = new java.util.TreeMap<>();
            String[] cols = r.getArrayOfStrings("comment_cols");
            String[] texts = r.getArrayOfStrings("comment_texts");
            for (int i = 0; i < cols.length; i++) {
                colComments.put(cols[i], texts[i]);
            }
            String def = r.getString("def").strip();
            if (def.endsWith(";")) {
                def = def.substring(0, def.length() - 1);
            }
            objects.add(new ViewDef(q, "m".equals(r.getString("relkind")), def,
                    listOrEmpty(r.getArrayOfStrings("reloptions")), r.getString("comment"), colComments,
                    depsOfOthers("view:" + q), Arrays.asList(r.getArrayOfStrings("cols"))));
        });
    }

    void functions(RowSet<Row> rows) {
        forEachIncluded(rows, "proname", (r, q) -> {
            // built once without deps only to learn its id, which includes the argument types
            FunctionDef f = new FunctionDef(q, r.getString("ident"), r.getString("args"),
                    r.getString("result"), "p".equals(r.getString("kind")), r.getString("def").strip(),
                    r.getString("comment"), List.of());
            objects.add(new FunctionDef(f.name(), f.identityArgs(), f.arguments(), f.result(), f.procedure(),
                    f.definition(), f.comment(), depsOfOthers(f.id())));
        });
    }

    void triggers(RowSet<Row> rows) {
        forEachIncluded(rows, "relname", (r, t) -> {
            String relKind = r.getString("relkind");
            String relationId = ("v".equals(relKind) || "m".equals(relKind) ? "view:" : "table:") + t;
            String id = "trigger:" + t + "." + r.getString("tgname");
            objects.add(new TriggerDef(t, r.getString("tgname"), relationId, r.getString("def"), r.getString("enabled"),
                    r.getString("comment"), depsOf(id)));
        });
    }

    void domains(RowSet<Row> domains, RowSet<Row> constraints) {
        Map<Long, List<ConstraintDef>> byType = new HashMap<>();
        for (Row r : constraints) {
            byType.computeIfAbsent(r.getLong("typid"), k -> new ArrayList<>()).add(constraint(r));
        }
        forEachIncluded(domains, "typname", (r, q) ->
                objects.add(new DomainDef(q, r.getString("base"), r.getString("collation"), r.getString("default_expr"),
                        r.getBoolean("typnotnull"), byType.getOrDefault(r.getLong("oid"), List.of()), r.getString("comment"),
                        depsOfOthers(DbObject.typeId(q)))));
    }

    void composites(RowSet<Row> rows) {
        forEachIncluded(rows, "typname", (r, q) -> {
            String[] names = r.getArrayOfStrings("att_names");
            String[] types = r.getArrayOfStrings("att_types");
            String[] collations = r.getArrayOfStrings("att_collations");
            List<CompositeTypeDef.Attribute> attributes = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                attributes.add(new CompositeTypeDef.Attribute(names[i], types[i], collations[i].isEmpty() ? null : collations[i]));
            }
            objects.add(new CompositeTypeDef(q, attributes, r.getString("comment"), depsOfOthers(DbObject.typeId(q))));
        });
    }

    void ranges(RowSet<Row> rows) {
        forEachIncluded(rows, "typname", (r, q) ->
                objects.add(new RangeTypeDef(q, r.getString("options"), r.getString("comment"),
                        depsOfOthers(DbObject.typeId(q)))));
    }

    void policies(RowSet<Row> rows) {
        forEachIncluded(rows, "relname", (r, t) -> {
            String id = "policy:" + t + "." + r.getString("polname");
            objects.add(new PolicyDef(t, r.getString("polname"), r.getBoolean("polpermissive"), r.getString("cmd"),
                    Arrays.asList(r.getArrayOfStrings("roles")), r.getString("using_expr"), r.getString("check_expr"),
                    r.getString("comment"), depsOf(id).stream().filter(NON_RELATION_DEP).toList()));
        });
    }

    private static final class TableParts {
        final QName name;
        final boolean unlogged;
        final List<String> reloptions;
        final String comment;
        final List<ColumnDef> columns = new ArrayList<>();
        final List<ConstraintDef> constraints = new ArrayList<>();
        final List<ConstraintDef> inheritedConstraints = new ArrayList<>();
        final List<IndexDef> inheritedIndexes = new ArrayList<>();
        boolean rowSecurity;
        boolean forceRowSecurity;
        String partitionKey;
        QName partitionOf;
        String partitionBound;

        TableParts(QName name, boolean unlogged, List<String> reloptions, String comment) {
            this.name = name;
            this.unlogged = unlogged;
            this.reloptions = reloptions;
            this.comment = comment;
        }
    }
}
