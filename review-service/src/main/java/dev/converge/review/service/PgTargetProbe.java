package dev.converge.review.service;

import dev.converge.common.config.Instance;
import dev.converge.review.rules.TargetProbe;
import dev.converge.review.rules.sql.DdlParser;
import dev.converge.review.rules.sql.QualifiedName;
import dev.converge.review.rules.sql.TypeName;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The rules' read-only window on a target database, over the Vert.x reactive PG client. Every query runs in its
 * own {@code READ ONLY} transaction with {@code statement_timeout}, so a pre-check can neither change the target
 * nor hold it up. Blocking by design: the rule engine runs on a worker thread.
 */
public final class PgTargetProbe implements TargetProbe, AutoCloseable {
    private static final String COLUMN_TYPE = "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
            + "WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND a.attnum > 0 AND NOT a.attisdropped";
    private static final String VIEWS_READING = "SELECT DISTINCT vn.nspname, v.relname FROM pg_depend d "
            + "JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class "
            + "JOIN pg_namespace vn ON vn.oid = v.relnamespace "
            + "WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass "
            + "AND d.refobjid = to_regclass($1) AND v.oid <> d.refobjid "
            + "AND ($2::text IS NULL OR d.refobjsubid = (SELECT attnum FROM pg_attribute "
            + "WHERE attrelid = to_regclass($1) AND attname = $2)) ORDER BY 1, 2";

    private final Pool pool;
    private final long timeoutMs;

    public PgTargetProbe(Vertx vertx, Instance instance, String database, long timeoutMs) {
        PgConnectOptions connect = new PgConnectOptions().setHost(instance.host()).setPort(instance.port())
                .setUser(instance.username()).setDatabase(database)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .addProperty("application_name", "converge-review");
        if (instance.password() != null) {
            connect.setPassword(instance.password());
        }
        this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(connect).using(vertx).build();
        this.timeoutMs = timeoutMs;
    }

    @Override
    public long count(String sql) throws Exception {
        RowSet<Row> rows = readOnly(conn -> conn.query(sql).execute());
        return rows.iterator().next().getLong(0);
    }

    @Override
    public TypeName columnType(QualifiedName table, String column) throws Exception {
        RowSet<Row> rows = readOnly(conn -> conn.preparedQuery(COLUMN_TYPE).execute(Tuple.of(regclass(table), column)));
        return rows.size() == 0 ? null : DdlParser.parseType(rows.iterator().next().getString(0));
    }

    @Override
    public List<QualifiedName> viewsReading(QualifiedName table, String column) throws Exception {
        RowSet<Row> rows = readOnly(conn -> conn.preparedQuery(VIEWS_READING).execute(Tuple.of(regclass(table), column)));
        List<QualifiedName> out = new ArrayList<>();
        rows.forEach(r -> out.add(QualifiedName.of(r.getString(0), r.getString(1))));
        return out;
    }

    private static String regclass(QualifiedName table) {
        return "\"" + table.schema().replace("\"", "\"\"") + "\".\"" + table.name().replace("\"", "\"\"") + "\"";
    }

    private <T> T readOnly(Function<SqlConnection, Future<T>> work) throws Exception {
        Future<T> result = pool.withTransaction(conn -> conn.query("SET TRANSACTION READ ONLY").execute()
                .compose(r -> conn.query("SET LOCAL statement_timeout = " + timeoutMs).execute())
                .compose(r -> work.apply(conn)));
        try {
            return result.toCompletionStage().toCompletableFuture().get(timeoutMs + 2_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Exception(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new Exception("no answer within " + (timeoutMs + 2_000) + " ms", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
