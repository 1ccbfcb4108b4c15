package dev.converge.engine.introspect;

import dev.converge.engine.DbConn;
import dev.converge.engine.EngineException;
import dev.converge.engine.EngineVertx;
import dev.converge.engine.Timing;
import dev.converge.engine.model.SchemaModel;
import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a database's schema from {@code pg_catalog} into a {@link SchemaModel}. Blocking facade over the Vert.x
 * reactive PG client: one connection, a fixed handful of set-based queries sent pipelined, the model built in
 * memory. Must not be called on a Vert.x event-loop thread.
 */
public class Introspector {
    private static final long QUERY_TIMEOUT_SECONDS = 600;

    public SchemaModel introspect(DbConn db, IntrospectOptions options) {
        PgConnection conn = connect(db);
        try {
            return read(conn, db, options);
        } finally {
            EngineVertx.await(conn.close().otherwise((Void) null), 30);
        }
    }

    static PgConnection connect(DbConn db) {
        try {
            return EngineVertx.await(PgConnection.connect(EngineVertx.get(), db.toConnectOptions()), 30);
        } catch (EngineException e) {
            throw new EngineException(EngineException.Code.TARGET_UNREACHABLE,
                    "cannot connect to " + db + ": " + e.getMessage(), null, e);
        } catch (RuntimeException e) {
            throw new EngineException(EngineException.Code.TARGET_UNREACHABLE,
                    "cannot connect to " + db + ": " + oneLine(e.getMessage()), null, e);
        }
    }

    private SchemaModel read(PgConnection conn, DbConn db, IntrospectOptions options) {
        try {
            // Session setup first, then all catalog queries pipelined on the same connection (one REPEATABLE READ
            // snapshot so that the model is consistent even while DDL runs concurrently).
            List<Future<RowSet<Row>>> futures = new ArrayList<>();
            futures.add(conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute());
            futures.add(conn.query("SELECT pg_catalog.set_config('search_path', '', true)").execute());
            Future<RowSet<Row>> version = conn.query("SELECT pg_catalog.current_setting('server_version_num')::int AS v").execute();
            Future<RowSet<Row>> unsupported = conn.query(CatalogQueries.UNSUPPORTED).execute();
            Future<RowSet<Row>> schemas = conn.query(CatalogQueries.SCHEMAS).execute();
            Future<RowSet<Row>> extensions = conn.query(CatalogQueries.EXTENSIONS).execute();
            Future<RowSet<Row>> enums = conn.query(CatalogQueries.ENUMS).execute();
            Future<RowSet<Row>> sequences = conn.query(CatalogQueries.SEQUENCES).execute();
            Future<RowSet<Row>> tables = conn.query(CatalogQueries.TABLES).execute();
            Future<RowSet<Row>> columns = conn.query(CatalogQueries.COLUMNS).execute();
            Future<RowSet<Row>> constraints = conn.query(CatalogQueries.CONSTRAINTS).execute();
            Future<RowSet<Row>> indexes = conn.query(CatalogQueries.INDEXES).execute();
            Future<RowSet<Row>> dependencies = conn.query(CatalogQueries.DEPENDENCIES).execute();
            Future<RowSet<Row>> views = conn.query(CatalogQueries.VIEWS).execute();
            Future<RowSet<Row>> functions = conn.query(CatalogQueries.FUNCTIONS).execute();
            Future<RowSet<Row>> triggers = conn.query(CatalogQueries.TRIGGERS).execute();
            Future<RowSet<Row>> domains = conn.query(CatalogQueries.DOMAINS).execute();
            Future<RowSet<Row>> domainConstraints = conn.query(CatalogQueries.DOMAIN_CONSTRAINTS).execute();
            Future<RowSet<Row>> composites = conn.query(CatalogQueries.COMPOSITES).execute();
            Future<RowSet<Row>> ranges = conn.query(CatalogQueries.RANGES).execute();
            Future<RowSet<Row>> policies = conn.query(CatalogQueries.POLICIES).execute();
            // Unmanaged privileges and owners are read too (not hashed): an object the plan replaces keeps them.
            Future<RowSet<Row>> acls = conn.query(AuthorizationQueries.ACLS).execute();
            Future<RowSet<Row>> owners = conn.query(AuthorizationQueries.OWNERS).execute();
            Future<RowSet<Row>> roles = conn.query(AuthorizationQueries.ROLES).execute();
            Future<RowSet<Row>> newObjectGrants = conn.query(AuthorizationQueries.NEW_OBJECT_GRANTS).execute();
            futures.add(conn.query("COMMIT").execute());
            for (Future<RowSet<Row>> f : futures) {
                EngineVertx.await(f, QUERY_TIMEOUT_SECONDS);
            }
            Timing.mark("catalog queries of " + db.database() + " answered");
            ModelBuilder builder = new ModelBuilder(options);
            builder.unsupported(EngineVertx.await(unsupported, QUERY_TIMEOUT_SECONDS));
            builder.dependencies(EngineVertx.await(dependencies, QUERY_TIMEOUT_SECONDS));
            builder.schemas(EngineVertx.await(schemas, QUERY_TIMEOUT_SECONDS));
            builder.extensions(EngineVertx.await(extensions, QUERY_TIMEOUT_SECONDS));
            builder.enums(EngineVertx.await(enums, QUERY_TIMEOUT_SECONDS));
            builder.sequences(EngineVertx.await(sequences, QUERY_TIMEOUT_SECONDS));
            builder.tables(EngineVertx.await(tables, QUERY_TIMEOUT_SECONDS),
                    EngineVertx.await(columns, QUERY_TIMEOUT_SECONDS),
                    EngineVertx.await(constraints, QUERY_TIMEOUT_SECONDS));
            builder.views(EngineVertx.await(views, QUERY_TIMEOUT_SECONDS));
            builder.indexes(EngineVertx.await(indexes, QUERY_TIMEOUT_SECONDS));
            builder.functions(EngineVertx.await(functions, QUERY_TIMEOUT_SECONDS));
            builder.triggers(EngineVertx.await(triggers, QUERY_TIMEOUT_SECONDS));
            builder.domains(EngineVertx.await(domains, QUERY_TIMEOUT_SECONDS),
                    EngineVertx.await(domainConstraints, QUERY_TIMEOUT_SECONDS));
            builder.composites(EngineVertx.await(composites, QUERY_TIMEOUT_SECONDS));
            builder.ranges(EngineVertx.await(ranges, QUERY_TIMEOUT_SECONDS));
            builder.policies(EngineVertx.await(policies, QUERY_TIMEOUT_SECONDS));
            int serverVersion = EngineVertx.await(version, QUERY_TIMEOUT_SECONDS).iterator().next().getInteger("v");
            SchemaModel model = builder.build(serverVersion);
            return model.withAuthorization(AuthorizationReader.read(model, options,
                    EngineVertx.await(acls, QUERY_TIMEOUT_SECONDS), EngineVertx.await(owners, QUERY_TIMEOUT_SECONDS),
                    EngineVertx.await(roles, QUERY_TIMEOUT_SECONDS), EngineVertx.await(newObjectGrants, QUERY_TIMEOUT_SECONDS)));
        } catch (EngineException e) {
            if (e.code() == EngineException.Code.INTERNAL && e.getCause() == null) {
                throw new EngineException(EngineException.Code.INTERNAL, "introspection of " + db + " failed: " + e.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            throw new EngineException(EngineException.Code.INTERNAL,
                    "introspection of " + db + " failed: " + oneLine(e.getMessage()), null, e);
        }
    }

    static String oneLine(String s) {
        return s == null ? "unknown error" : s.replace('\n', ' ').trim();
    }
}
