package dev.converge.review.rules;

import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.StateFile;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.ColumnDef;
import dev.converge.review.rules.sql.ConstraintDef;
import dev.converge.review.rules.sql.Ddl;
import dev.converge.review.rules.sql.DdlParser;
import dev.converge.review.rules.sql.QualifiedName;
import dev.converge.review.rules.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired schema as the state files declare it: tables with their columns, constraints, indexes and
 * comments, and views with the tables they read. Built from the files' SQL (not from a database), with the
 * file:line of each statement so findings and suppressions can point into the files.
 */
public final class DesiredSchema {
    /** One statement of a state file. */
    public record SourceStatement(String file, int line, String sql, Ddl ddl) {
        public SourceLocation location() {
            return new SourceLocation(file, line, 0);
        }

        public int endLine() {
            return line + (int) sql.chars().filter(ch -> ch == '\n').count();
        }

        /** The table (or view) the statement is about, or null. */
        public QualifiedName subject() {
            return Ddl.subjectOf(ddl);
        }
    }

    /** A table of the desired schema; mutable only while the schema is being read. */
    public static final class Table {
        private final QualifiedName name;
        private final Map<String, ColumnDef> columns = new LinkedHashMap<>();
        private final List<ConstraintDef> constraints = new ArrayList<>();
        private final List<Ddl.CreateIndex> indexes = new ArrayList<>();
        private boolean commented;
        private SourceLocation location;

        Table(QualifiedName name) {
            this.name = name;
        }

        public QualifiedName name() {
            return name;
        }

        public Map<String, ColumnDef> columns() {
            return columns;
        }

        public ColumnDef column(String column) {
            return columns.get(column);
        }

        /** Table-level constraints plus the inline constraints of its columns. */
        public List<ConstraintDef> constraints() {
            List<ConstraintDef> all = new ArrayList<>(constraints);
            columns.values().forEach(c -> all.addAll(c.constraints()));
            return all;
        }

        public List<Ddl.CreateIndex> indexes() {
            return indexes;
        }

        public boolean commented() {
            return commented;
        }

        public SourceLocation location() {
            return location;
        }

        public List<String> primaryKey() {
            return constraints().stream().filter(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                    .map(ConstraintDef::columns).findFirst().orElse(List.of());
        }
    }

    private final Map<QualifiedName, Table> tables = new LinkedHashMap<>();
    private final List<Ddl.CreateView> views = new ArrayList<>();
    private final List<SourceStatement> statements = new ArrayList<>();

    private DesiredSchema() {
    }

    public static DesiredSchema fromFiles(List<StateFile> files) {
        DesiredSchema schema = new DesiredSchema();
        for (StateFile f : files) {
            for (SqlSplitter.Piece piece : SqlSplitter.split(f.content())) {
                SourceStatement st = new SourceStatement(f.path(), piece.line(), piece.sql(), DdlParser.parse(piece.sql()));
                schema.statements.add(st);
                schema.apply(st);
            }
        }
        return schema;
    }

    public static DesiredSchema fromSql(String sql) {
        return fromFiles(sql == null ? List.of() : List.of(new StateFile("desired.sql", sql, null)));
    }

    private void apply(SourceStatement st) {
        Ddl ddl = st.ddl();
        if (ddl instanceof Ddl.CreateTable ct) {
            Table t = tables.computeIfAbsent(ct.table(), Table::new);
            t.location = st.location();
            ct.columns().forEach(c -> t.columns.put(c.name(), c));
            t.constraints.addAll(ct.constraints());
        } else if (ddl instanceof Ddl.AlterTable at) {
            Table t = tables.computeIfAbsent(at.table(), Table::new);
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddColumn add) {
                    t.columns.put(add.column().name(), add.column());
                } else if (a instanceof AlterAction.AddConstraint ac) {
                    t.constraints.add(ac.constraint());
                }
            }
        } else if (ddl instanceof Ddl.CreateIndex ci) {
            tables.computeIfAbsent(ci.table(), Table::new).indexes.add(ci);
        } else if (ddl instanceof Ddl.CommentOn co && co.objectType().equals("TABLE") && co.comment() != null) {
            tables.computeIfAbsent(co.object(), Table::new).commented = true;
        } else if (ddl instanceof Ddl.CreateView cv) {
            views.add(cv);
        }
    }

    public Table table(QualifiedName name) {
        return tables.get(name);
    }

    public Map<QualifiedName, Table> tables() {
        return tables;
    }

    public List<Ddl.CreateView> views() {
        return views;
    }

    public List<SourceStatement> statements() {
        return statements;
    }

    /** Where the table is declared in the state files, or null. */
    public SourceLocation locationOf(QualifiedName table) {
        Table t = table == null ? null : tables.get(table);
        return t == null ? null : t.location;
    }
}
