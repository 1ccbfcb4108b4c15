package dev.converge.review.rules.catalog;

import static dev.converge.common.events.Severity.ERROR;
import static dev.converge.common.events.Severity.INFO;
import static dev.converge.common.events.Severity.WARNING;

import dev.converge.review.rules.DesiredSchema;
import dev.converge.review.rules.Hits;
import dev.converge.review.rules.ReviewContext;
import dev.converge.review.rules.Rule;
import dev.converge.review.rules.sql.AlterAction;
import dev.converge.review.rules.sql.ColumnDef;
import dev.converge.review.rules.sql.ConstraintDef;
import dev.converge.review.rules.sql.TypeName;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Types and defaults of the columns a plan adds or changes. */
final class ColumnRules {
    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(random|clock_timestamp|timeofday|gen_random_uuid|uuid_generate_v[14]|nextval|txid_current)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private ColumnRules() {
    }

    static List<Rule> all() {
        return List.of(
                new Rule("column.not-null-without-default", ERROR,
                        "Adding a NOT NULL column without a default to a table that has rows fails.",
                        ColumnRules::notNullWithoutDefault),
                new Rule("column.timestamp-without-tz", WARNING,
                        "timestamp without time zone stores wall-clock time with no zone, so instants become ambiguous.",
                        (ctx, hits) -> type(ctx, hits, t -> t.isOneOf("timestamp"), "timestamp without time zone",
                                "use timestamptz")),
                new Rule("column.char-type", WARNING,
                        "char(n) pads with spaces and is no faster than text or varchar.",
                        (ctx, hits) -> type(ctx, hits, t -> t.isOneOf("char"), "char(n)", "use text or varchar(n)")),
                new Rule("column.serial", WARNING,
                        "serial creates a loosely owned sequence; identity columns are the SQL-standard replacement.",
                        ColumnRules::serial),
                new Rule("column.int-key", WARNING,
                        "A 32-bit key runs out after 2.1 billion rows and migrating it later rewrites the table.",
                        ColumnRules::intKey),
                new Rule("column.fk-type-mismatch", WARNING,
                        "A foreign key column of another type than the referenced key forces casts on every join.",
                        ColumnRules::fkTypeMismatch),
                new Rule("column.type-change-rewrite", WARNING,
                        "Changing a column's type rewrites the table and its indexes under an ACCESS EXCLUSIVE lock.",
                        ColumnRules::typeChangeRewrite),
                new Rule("column.volatile-default", WARNING,
                        "Adding a column with a volatile default rewrites the whole table.",
                        ColumnRules::volatileDefault),
                new Rule("column.json-type", INFO,
                        "json keeps the raw text and cannot be indexed well; jsonb is the usual choice.",
                        (ctx, hits) -> type(ctx, hits, t -> t.isOneOf("json"), "json", "use jsonb")),
                new Rule("column.money-type", WARNING,
                        "money depends on the lc_monetary setting and has a fixed fraction precision.",
                        (ctx, hits) -> type(ctx, hits, t -> t.isOneOf("money"), "money", "use numeric(p, s)")));
    }

    private static void notNullWithoutDefault(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedColumn c : ctx.addedColumns()) {
            ColumnDef col = c.planned();
            if (!c.newTable() && col.notNull() && !col.hasDefault()) {
                hits.add(c.statement().index(), c.table(), "column " + c.table() + "." + col.name()
                                + " is added NOT NULL without a default to an existing table; it fails if the table has rows",
                        "add it nullable, backfill, then SET NOT NULL; or give it a default");
            }
        }
    }

    private static void type(ReviewContext ctx, Hits hits, java.util.function.Predicate<TypeName> matches, String what,
                             String fix) {
        for (ReviewContext.AddedColumn c : ctx.addedColumns()) {
            if (matches.test(c.best().type()) || matches.test(c.planned().type())) {
                hits.add(c.statement().index(), c.table(), "column " + c.table() + "." + c.planned().name()
                        + " is " + what, fix);
            }
        }
        for (ReviewContext.Action<AlterAction.AlterColumnType> a : ctx.actions(AlterAction.AlterColumnType.class)) {
            if (matches.test(a.action().type())) {
                hits.add(a.statement().index(), a.table(), "column " + a.table() + "." + a.action().column()
                        + " becomes " + what, fix);
            }
        }
    }

    private static void serial(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedColumn c : ctx.addedColumns()) {
            boolean serial = c.best().type().base().endsWith("serial") || c.planned().type().base().endsWith("serial")
                    || (c.planned().defaultExpression() != null
                    && c.planned().defaultExpression().toLowerCase(Locale.ROOT).contains("nextval("));
            if (serial) {
                hits.add(c.statement().index(), c.table(), "column " + c.table() + "." + c.planned().name()
                        + " uses serial / nextval()", "use bigint GENERATED ALWAYS AS IDENTITY");
            }
        }
    }

    private static void intKey(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedColumn c : ctx.addedColumns()) {
            if (!c.newTable()) {
                continue;
            }
            DesiredSchema.Table t = ctx.desired().table(c.table());
            boolean key = c.planned().isPrimaryKey() || c.planned().identity()
                    || (t != null && t.primaryKey().size() == 1 && t.primaryKey().get(0).equals(c.planned().name()));
            TypeName type = c.best().type();
            if (key && type.isOneOf("integer", "smallint", "serial", "smallserial")) {
                hits.add(c.statement().index(), c.table(), "key column " + c.table() + "." + c.planned().name()
                        + " is " + type + " (32-bit or smaller)", "use bigint (or bigint GENERATED ALWAYS AS IDENTITY)");
            }
        }
    }

    private static void fkTypeMismatch(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedConstraint c : ctx.addedConstraints()) {
            ConstraintDef fk = c.constraint();
            if (fk.kind() != ConstraintDef.Kind.FOREIGN_KEY) {
                continue;
            }
            DesiredSchema.Table ref = ctx.desired().table(fk.refTable());
            if (ref == null) {
                continue;
            }
            List<String> refCols = fk.refColumns().isEmpty() ? ref.primaryKey() : fk.refColumns();
            for (int i = 0; i < fk.columns().size() && i < refCols.size(); i++) {
                ColumnDef local = ctx.declared(c.table(), fk.columns().get(i));
                ColumnDef remote = ref.column(refCols.get(i));
                if (local == null || remote == null) {
                    continue;
                }
                String lt = keyType(local.type());
                String rt = keyType(remote.type());
                if (!lt.equals(rt)) {
                    hits.add(c.statement().index(), c.table(), "foreign key column " + c.table() + "." + local.name()
                                    + " is " + lt + " but references " + fk.refTable() + "." + remote.name() + " of type " + rt,
                            "declare " + local.name() + " as " + rt);
                }
            }
        }
    }

    /** serial columns are integers, bigserial bigints: that is what a referencing column must be. */
    private static String keyType(TypeName t) {
        switch (t.base()) {
            case "serial":
                return "integer";
            case "bigserial":
                return "bigint";
            case "smallserial":
                return "smallint";
            default:
                return t.toString();
        }
    }

    private static void typeChangeRewrite(ReviewContext ctx, Hits hits) {
        for (ReviewContext.Action<AlterAction.AlterColumnType> a : ctx.actions(AlterAction.AlterColumnType.class)) {
            if (!ctx.isExisting(a.table())) {
                continue;
            }
            TypeName from = TypeChanges.currentType(ctx, a.table(), a.action().column(), "column.type-change-rewrite");
            boolean rewrites = from == null ? a.action().using() != null : TypeChanges.rewrites(from, a.action().type());
            if (rewrites) {
                hits.add(a.statement().index(), a.table(), "changing " + a.table() + "." + a.action().column()
                                + (from == null ? "" : " from " + from) + " to " + a.action().type() + " rewrites the table",
                        "add a new column, backfill in batches and switch over; or schedule a maintenance window");
            }
        }
    }

    private static void volatileDefault(ReviewContext ctx, Hits hits) {
        for (ReviewContext.AddedColumn c : ctx.addedColumns()) {
            String def = c.planned().defaultExpression();
            if (!c.newTable() && def != null && VOLATILE.matcher(def).find()) {
                hits.add(c.statement().index(), c.table(), "column " + c.table() + "." + c.planned().name()
                                + " is added with the volatile default " + def + ", which rewrites the table",
                        "add the column without a default, set the default, then backfill in batches");
            }
        }
    }
}
