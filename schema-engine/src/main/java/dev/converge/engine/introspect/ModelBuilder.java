package dev.converge.engine.introspect;

import dev.converge.engine.EngineException;
import dev.converge.engine.model.ColumnDef;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the rows of {@link CatalogQueries} into model objects, applying the exclusions. */
final class ModelBuilder {
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");
    private static final Set<String> BUILTIN_TYPE_SCHEMAS = Set.of("pg_catalog", "information_schema");

    private final IntrospectOptions options;
    private final List<DbObject> objects = new ArrayList<>();
    private final Map<Long, TableParts> tablesByOid = new HashMap<>();

    ModelBuilder(IntrospectOptions options) {
        this.options = options;
    }

    private boolean excluded(String schema, String name) {
        return options.excludesSchema(schema) || options.excludes(schema + "." + name);
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
        for (Row r : rows) {
            String schema = r.getString("nspname");
            String name = r.getString("typname");
            if (!excluded(schema, name)) {
                objects.add(new EnumDef(new QName(schema, name), Arrays.asList(r.getArrayOfStrings("labels")),
                        r.getString("comment")));
            }
        }
    }

    void sequences(RowSet<Row> rows) {
        for (Row r : rows) {
            String schema = r.getString("nspname");
            String name = r.getString("relname");
            if (excluded(schema, name)) {
                continue;
            }
            QName owner = r.getString("own_table") == null ? null : new QName(r.getString("own_schema"), r.getString("own_table"));
            objects.add(new SequenceDef(new QName(schema, name), sequenceOptions(r, "type"),
                    "u".equals(r.getString("relpersistence")), owner, r.getString("own_column"), r.getString("comment")));
        }
    }

    private static SequenceOptions sequenceOptions(Row r, String typeColumn) {
        return new SequenceOptions(r.getString(typeColumn), r.getLong("seqstart"), r.getLong("seqincrement"),
                r.getLong("seqmin"), r.getLong("seqmax"), r.getLong("seqcache"), r.getBoolean("seqcycle"));
    }

    void tables(RowSet<Row> tables, RowSet<Row> columns, RowSet<Row> constraints) {
        for (Row r : tables) {
            String schema = r.getString("nspname");
            String name = r.getString("relname");
            if (excluded(schema, name)) {
                continue;
            }
            String[] reloptions = r.getArrayOfStrings("reloptions");
            tablesByOid.put(r.getLong("oid"), new TableParts(new QName(schema, name), "u".equals(r.getString("relpersistence")),
                    reloptions == null ? List.of() : Arrays.asList(reloptions), r.getString("comment")));
        }
        for (Row r : columns) {
            TableParts t = tablesByOid.get(r.getLong("attrelid"));
            if (t != null) {
                t.columns.add(column(r));
            }
        }
        for (Row r : constraints) {
            TableParts t = tablesByOid.get(r.getLong("conrelid"));
            if (t != null) {
                t.constraints.add(constraint(r));
            }
        }
        for (TableParts t : tablesByOid.values()) {
            objects.add(new TableDef(t.name, t.unlogged, t.columns, t.constraints, t.reloptions, t.comment));
        }
    }

    private static ColumnDef column(Row r) {
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
        if (expr != null) {
            Matcher m = NEXTVAL.matcher(expr);
            while (m.find()) {
                List<String> parts = Ident.parseQualified(m.group(1).replace("''", "'"));
                if (parts.size() == 2) {
                    exprDeps.add("sequence:" + new QName(parts.get(0), parts.get(1)));
                }
            }
        }
        QName identitySeq = identity == null || r.getString("identity_seq_name") == null ? null
                : new QName(r.getString("identity_seq_schema"), r.getString("identity_seq_name"));
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
        QName ref = r.getString("ref_table") == null ? null : new QName(r.getString("ref_schema"), r.getString("ref_table"));
        return new ConstraintDef(r.getString("conname"), r.getString("contype").charAt(0), def, validated, ref,
                r.getString("comment"));
    }

    void indexes(RowSet<Row> rows) {
        for (Row r : rows) {
            TableParts t = tablesByOid.get(r.getLong("indrelid"));
            if (t == null || excluded(r.getString("nspname"), r.getString("relname"))) {
                continue;
            }
            objects.add(new IndexDef(new QName(r.getString("nspname"), r.getString("relname")), t.name, r.getString("def"),
                    r.getBoolean("indisunique"), r.getBoolean("indisvalid"), r.getString("comment")));
        }
    }

    SchemaModel build(int serverVersion) {
        return SchemaModel.of(serverVersion, objects);
    }

    private static final class TableParts {
        final QName name;
        final boolean unlogged;
        final List<String> reloptions;
        final String comment;
        final List<ColumnDef> columns = new ArrayList<>();
        final List<ConstraintDef> constraints = new ArrayList<>();

        TableParts(QName name, boolean unlogged, List<String> reloptions, String comment) {
            this.name = name;
            this.unlogged = unlogged;
            this.reloptions = reloptions;
            this.comment = comment;
        }
    }
}
