package dev.converge.review.rules.sql;

import java.util.List;
import java.util.Set;

/** What a DDL statement does, as far as the review rules need to know. */
public sealed interface Ddl {
    /**
     * The table (or view) a statement is about, or null: what the desired schema files its statements under and
     * what the AI prompt matches plan statements against, so both must agree.
     */
    static QualifiedName subjectOf(Ddl ddl) {
        if (ddl instanceof CreateTable ct) {
            return ct.table();
        }
        if (ddl instanceof AlterTable at) {
            return at.table();
        }
        if (ddl instanceof CreateIndex ci) {
            return ci.table();
        }
        if (ddl instanceof CommentOn co) {
            return co.object();
        }
        if (ddl instanceof CreateView cv) {
            return cv.view();
        }
        return null;
    }

    record CreateTable(QualifiedName table, List<ColumnDef> columns, List<ConstraintDef> constraints, boolean unlogged,
                       boolean partition) implements Ddl {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    record AlterTable(QualifiedName table, List<AlterAction> actions) implements Ddl {
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    record CreateIndex(QualifiedName index, QualifiedName table, List<String> columns, boolean unique,
                       boolean concurrently, boolean partial) implements Ddl {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    /** {@code DROP <objectType> ...}; objectType is upper case, e.g. {@code TABLE}, {@code MATERIALIZED VIEW}. */
    record Drop(String objectType, List<QualifiedName> names, boolean cascade, boolean concurrently) implements Ddl {
        public Drop {
            names = List.copyOf(names);
        }
    }

    /** A view and the tables its query reads (found with JSqlParser), plus its query text. */
    record CreateView(QualifiedName view, Set<QualifiedName> tables, String query, boolean materialized) implements Ddl {
        public CreateView {
            tables = Set.copyOf(tables);
        }
    }

    record CommentOn(String objectType, QualifiedName object, String column, String comment) implements Ddl {
    }

    /** {@code ALTER INDEX ... RENAME TO} and friends: renames of objects other than tables. */
    record Rename(String objectType, QualifiedName object, String to) implements Ddl {
    }

    /** {@code SET [LOCAL] name = value} / {@code SET name TO value}. */
    record SetParameter(String name, String value) implements Ddl {
    }

    /** Anything else; {@code keyword} is the statement's leading words in upper case. */
    record Other(String keyword) implements Ddl {
    }
}
