package dev.converge.engine.shadow;

import dev.converge.common.events.SourceLocation;
import dev.converge.engine.DbConn;
import dev.converge.engine.EngineException;
import dev.converge.engine.EngineException.Code;
import dev.converge.engine.EngineVertx;
import dev.converge.engine.Timing;
import dev.converge.engine.source.CheckedStatement;
import dev.converge.engine.source.CheckedStatement.Disposition;
import dev.converge.engine.source.SqlStatement;
import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throwaway database that runs the accepted statements of the state files, so that the desired schema can be
 * introspected with the same catalog queries as a target. It is always dropped, also on failure.
 *
 * <p>Security: state files come from pull requests. When the connecting user is a superuser, the shadow creates
 * a per-run role {@code converge_shadow_<random>} (LOGIN with a random password; no superuser, CREATEDB,
 * CREATEROLE, replication or RLS bypass), makes it the owner of the shadow database and runs the statements
 * <em>logged in as that role</em>: a role switched to with {@code SET ROLE} could switch back (the session user
 * would still be a superuser), a role logged in as cannot. If the server refuses that login (pg_hba), the
 * shadow falls back to {@code SET ROLE} in an administrative session, relying on the allowlist's refusal of
 * role switches. Statements the allowlist marks {@code EXECUTE_ELEVATED} run on the administrative connection:
 * {@code ALTER … OWNER TO} a role that has no dangerous rights (to a privileged role it is skipped, so no
 * SECURITY DEFINER code can end up owned by a superuser), {@code COMMENT ON EXTENSION} and
 * {@code CREATE FUNCTION … LEAKPROOF}. {@code CREATE EXTENSION} is decided by {@link ExtensionPolicy} before any
 * statement runs: an extension the server marks trusted (or that needs no superuser) runs under the restricted role;
 * an untrusted one runs on the administrative connection only if the caller allows it by name, and is refused
 * otherwise. When the connecting user is not a superuser, it is already restricted and runs everything itself
 * (the extension policy still refuses what is not allowed). The role is dropped with the database.
 */
public final class ShadowDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long ADMIN_TIMEOUT_SECONDS = 120;
    private static final long STATEMENT_TIMEOUT_SECONDS = 600;
    private static final Pattern OWNER_TO = Pattern.compile("(?is).*\\bOWNER\\s+TO\\s+(\"(?:[^\"]|\"\")+\"|[\\w$]+)\\s*$");

    private final DbConn server;
    private final Set<String> allowedExtensions;
    private volatile String lastName;

    /** @param server where to create the shadow; its database is only used to connect (e.g. the target's). */
    public ShadowDatabase(DbConn server) {
        this(server, Set.of());
    }

    /**
     * @param allowedExtensions extensions the server does not mark trusted that {@code CREATE EXTENSION} may still
     *                          install, with the administrator's rights (see {@link ExtensionPolicy})
     */
    public ShadowDatabase(DbConn server, Collection<String> allowedExtensions) {
        this.server = server;
        this.allowedExtensions = Set.copyOf(allowedExtensions);
    }

    /**
     * Creates the shadow, runs the statements in order, hands the shadow to {@code reader} (e.g. the
     * introspector) and drops it.
     */
    public <T> T run(List<CheckedStatement> statements, Function<DbConn, T> reader) {
        return create().load(statements, reader);
    }

    /**
     * Creates the empty shadow database (and its per-run role) now, so that this can overlap other work such as
     * the allowlist check; no statement of the state files runs yet. The caller must end the returned shadow with
     * {@link Created#load}, {@link Created#loadKeeping} and {@link Created#drop}, or {@link Created#discard}: each
     * way drops it. If creating fails, whatever was
     * created is dropped before this throws.
     */
    public Created create() {
        // converge_shadow_<epoch seconds, base 36>_<random>: the age lets a later run remove what a killed one left
        String name = "converge_shadow_" + Long.toString(System.currentTimeMillis() / 1000, 36) + "_"
                + HexFormat.of().formatHex(randomBytes(5));
        lastName = name;
        PgConnection admin = Timing.time("shadow: connect admin", this::connectAdmin);
        Timing.time("shadow: remove abandoned", () -> removeAbandoned(admin));
        ShadowRole role = null;
        try {
            role = isSuperuser(admin) ? Timing.time("shadow: create role", () -> createRole(admin, name)) : null;
            String owner = role == null ? null : role.name();
            Timing.time("shadow: create database", () -> createDatabase(admin, name, owner));
            return new Created(admin, name, role);
        } catch (RuntimeException e) {
            new Created(admin, name, role).end(e);
            throw e;
        }
    }

    /** An empty shadow database that has been created and not yet dropped; see {@link #create()}. */
    public final class Created {
        private final PgConnection admin;
        private final String name;
        private final ShadowRole role;
        private boolean ended;

        private Created(PgConnection admin, String name, ShadowRole role) {
            this.admin = admin;
            this.name = name;
            this.role = role;
        }

        /** Runs the statements in order, hands the shadow to {@code reader} and drops it (also on failure). */
        public <T> T load(List<CheckedStatement> statements, Function<DbConn, T> reader) {
            T result = loadKeeping(statements, reader);
            drop();
            return result;
        }

        /**
         * As {@link #load}, but on success leaves the shadow for the caller to {@link #drop} (so that the drop can
         * overlap other work, e.g. the diff); on failure it is dropped before this throws.
         */
        public <T> T loadKeeping(List<CheckedStatement> statements, Function<DbConn, T> reader) {
            Session session = null;
            try {
                session = Timing.time("shadow: open session", () -> Session.open(server.withDatabase(name), role,
                        new ExtensionPolicy(allowedExtensions, server.host() + ":" + server.port())));
                Session running = session;
                Timing.time("shadow: run " + statements.size() + " statements", () -> running.runAll(statements));
                session.close();
                session = null;
                return reader.apply(server.withDatabase(name));
            } catch (RuntimeException e) {
                if (session != null) {
                    session.close();
                }
                end(e);
                throw e;
            }
        }

        /** Drops the shadow (and its role) now, if it has not been; throws if that fails. */
        public void drop() {
            end(null);
        }

        /** Drops the shadow without using it (e.g. the state files were refused); never throws. */
        public void discard() {
            end(new EngineException(Code.SHADOW_FAILED, "discarded"));
        }

        private synchronized void end(RuntimeException failure) {
            if (ended) {
                return;
            }
            ended = true;
            RuntimeException dropFailure = failure;
            try {
                Timing.time("shadow: drop", () -> ShadowDatabase.this.drop(admin, name, role, dropFailure));
            } finally {
                EngineVertx.await(admin.close().otherwise((Void) null), 30);
            }
        }
    }

    /** Name of the shadow database of the latest {@link #run} (dropped by now); for diagnostics and tests. */
    public String lastName() {
        return lastName;
    }

    private PgConnection connectAdmin() {
        try {
            return EngineVertx.await(PgConnection.connect(EngineVertx.get(), server.toConnectOptions()), 30);
        } catch (RuntimeException e) {
            throw new EngineException(Code.SHADOW_FAILED, "cannot create a shadow database: cannot connect to " + server
                    + ": " + oneLine(e) + " (choose a reachable server with --shadow-url)", null, e);
        }
    }

    /** Older than any live run can be (statements time out after 600 s each, but a run has thousands). */
    private static final long ABANDONED_AFTER_SECONDS = 6 * 3600;
    private static final Pattern OWN_NAME = Pattern.compile("converge_shadow_([0-9a-z]+)_[0-9a-f]{10}");

    /**
     * Drops shadow databases and roles that a killed process (e.g. SIGKILL on a timeout) could not drop, once
     * they are older than {@link #ABANDONED_AFTER_SECONDS}. Best effort: never fails the run.
     */
    private static void removeAbandoned(PgConnection admin) {
        try {
            long now = System.currentTimeMillis() / 1000;
            RowSet<Row> rows = await(admin.query("SELECT datname AS n, 'd' AS k FROM pg_catalog.pg_database "
                    + "WHERE datname LIKE 'converge\\_shadow\\_%' UNION ALL SELECT rolname, 'r' FROM pg_catalog.pg_roles "
                    + "WHERE rolname LIKE 'converge\\_shadow\\_%' ORDER BY 2").execute());
            for (Row row : rows) {
                Matcher m = OWN_NAME.matcher(row.getString("n"));
                if (m.matches() && now - Long.parseLong(m.group(1), 36) > ABANDONED_AFTER_SECONDS) {
                    String sql = row.getString("k").equals("d")
                            ? "DROP DATABASE IF EXISTS " + row.getString("n") + " WITH (FORCE)"
                            : "DROP ROLE IF EXISTS " + row.getString("n");
                    await(admin.query(sql).execute());
                }
            }
        } catch (RuntimeException e) {
            // not ours to fix now (no rights, concurrent janitor): the run itself goes on
        }
    }

    private static boolean isSuperuser(PgConnection admin) {
        RowSet<Row> rows = await(admin.query("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user").execute());
        return rows.iterator().hasNext() && Boolean.TRUE.equals(rows.iterator().next().getBoolean("rolsuper"));
    }

    /** A per-run login role; see the class comment. */
    private record ShadowRole(String name, String password) {
    }

    private static ShadowRole createRole(PgConnection admin, String name) {
        String password = HexFormat.of().formatHex(randomBytes(24));
        await(admin.query("CREATE ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
                + "CONNECTION LIMIT " + (2 + IndexLanes.LANES) + " PASSWORD '" + password + "' VALID UNTIL 'infinity'").execute());
        return new ShadowRole(name, password);
    }

    private void createDatabase(PgConnection admin, String name, String owner) {
        try {
            await(admin.query("CREATE DATABASE " + name + (owner == null ? "" : " OWNER " + owner)
                    + " TEMPLATE template0 ENCODING 'UTF8'").execute());
        } catch (PgException e) {
            String hint = "42501".equals(e.getSqlState())
                    ? " (the user needs the CREATEDB right, or choose another server with --shadow-url)" : "";
            throw new EngineException(Code.SHADOW_FAILED, "cannot create shadow database on " + server.host() + ":"
                    + server.port() + " as " + server.user() + ": " + e.getErrorMessage() + hint, null, e);
        }
    }

    private void drop(PgConnection admin, String name, ShadowRole role, RuntimeException failure) {
        try {
            await(admin.preparedQuery("SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity "
                    + "WHERE datname = $1 AND pid <> pg_catalog.pg_backend_pid()").execute(Tuple.of(name)));
            Timing.mark("shadow: backends terminated");
            await(admin.query("DROP DATABASE IF EXISTS " + name).execute());
            Timing.mark("shadow: database dropped");
            if (role != null) {
                await(admin.query("DROP ROLE IF EXISTS " + role.name()).execute());
            }
        } catch (RuntimeException e) {
            EngineException dropFailed = new EngineException(Code.SHADOW_FAILED,
                    "could not drop shadow database " + name + " on " + server.host() + ":" + server.port() + ": " + oneLine(e), null, e);
            if (failure != null) {
                failure.addSuppressed(dropFailed);
            } else {
                throw dropFailed;
            }
        }
    }

    static <T> T await(Future<T> future) {
        return EngineVertx.await(future, ADMIN_TIMEOUT_SECONDS);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String oneLine(Throwable e) {
        String message = e instanceof PgException pg ? pg.getErrorMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ').strip();
    }

    /**
     * The connections into one shadow database: the restricted one, lazily an administrative one, and lazily the
     * restricted {@link IndexLanes index lanes}.
     */
    static final class Session {
        private final DbConn shadow;
        private final ShadowRole role;
        private final PgConnection restricted;
        /** Whether the administrative user is a superuser that the statements run apart from. */
        private final boolean canElevate;
        private final ExtensionPolicy extensions;
        private PgConnection admin;
        private final List<Pending> pending = new ArrayList<>();
        /** Statements in the restricted connection's open transaction, and the latest of them. */
        private int inTransaction;
        private Pending last;
        /** Counts the session settings the statements changed, so that lanes copy them only when needed. */
        private int settingsVersion;
        private IndexLanes lanes;

        private Session(DbConn shadow, ShadowRole role, PgConnection restricted, boolean canElevate, ExtensionPolicy extensions) {
            this.shadow = shadow;
            this.role = role;
            this.restricted = restricted;
            this.canElevate = canElevate;
            this.extensions = extensions;
        }

        static Session open(DbConn shadow, ShadowRole role, ExtensionPolicy extensions) {
            PgConnection restricted = openRestricted(shadow, role);
            configure(restricted);
            return new Session(shadow, role, restricted, role != null, extensions);
        }

        /** A connection that runs state-file statements: logged in as the per-run role when there is one. */
        static PgConnection openRestricted(DbConn shadow, ShadowRole role) {
            if (role == null) {
                return connect(shadow);
            }
            DbConn asRole = new DbConn(shadow.host(), shadow.port(), shadow.database(), role.name(), role.password(), shadow.sslMode());
            try {
                return EngineVertx.await(PgConnection.connect(EngineVertx.get(), asRole.toConnectOptions()), 30);
            } catch (RuntimeException loginRefused) {
                // pg_hba does not let the per-run role in: switch roles inside an administrative session instead.
                PgConnection conn = connect(shadow);
                await(conn.query("SET ROLE " + role.name()).execute());
                return conn;
            }
        }

        /** The shadow is thrown away: no need to wait for WAL flushes on each of thousands of DDL commits. */
        static void configure(PgConnection conn) {
            await(conn.query("SET statement_timeout = '" + STATEMENT_TIMEOUT_SECONDS + "s'").execute());
            await(conn.query("SET synchronous_commit = off").execute());
        }

        private static PgConnection connect(DbConn db) {
            try {
                return EngineVertx.await(PgConnection.connect(EngineVertx.get(), db.toConnectOptions()), 30);
            } catch (RuntimeException e) {
                throw new EngineException(Code.SHADOW_FAILED, "cannot connect to shadow database " + db + ": " + oneLine(e), null, e);
            }
        }

        /**
         * Sends the statements pipelined (a round trip per statement would dominate large schemas) in
         * transactions of up to {@link #BATCH} statements (one commit per statement costs more than the DDL;
         * bounded so that the locks of thousands of new relations fit in the lock table), and then checks their
         * results; the failure of the earliest statement is reported. Statements PostgreSQL refuses in a
         * transaction block (or whose effect later statements need committed: {@code ALTER TYPE … ADD VALUE}) run
         * on their own. Elevated statements commit and drain first, so that order holds across the two
         * connections. Runs of {@code CREATE INDEX} go to the {@link IndexLanes}. {@code CREATE EXTENSION} statements
         * are decided by the {@link ExtensionPolicy} first, so that a refused one stops the run before anything ran.
         */
        void runAll(List<CheckedStatement> statements) {
            Set<CheckedStatement> elevatedExtensions = extensions.elevated(statements, restricted);
            int ordinal = 0;
            for (CheckedStatement checked : statements) {
                ordinal++;
                if (checked.disposition() == Disposition.SKIP) {
                    continue;
                }
                boolean elevated = canElevate && (checked.disposition() == Disposition.EXECUTE_ELEVATED
                        || elevatedExtensions.contains(checked));
                if (!elevated && lanes().offer(ordinal, checked)) {
                    continue;
                }
                if (lanes != null) {
                    lanes.leave();
                }
                runOne(ordinal, checked, elevated);
            }
            if (lanes != null) {
                lanes.leave();
            }
            commit();
            drain(pending);
        }

        /** A new restricted connection with this session's settings (see {@link IndexLanes}). */
        PgConnection openLane() {
            PgConnection conn = openRestricted(shadow, role);
            configure(conn);
            return conn;
        }

        /** The session settings the statements changed so far (search_path, …), to copy onto a lane. */
        List<Tuple> changedSettings() {
            List<Tuple> settings = new ArrayList<>();
            for (Row row : await(restricted.query("SELECT name, setting FROM pg_catalog.pg_settings WHERE source = 'session' "
                    + "AND name NOT IN ('role', 'session_authorization')").execute())) {
                settings.add(Tuple.of(row.getString("name"), row.getString("setting")));
            }
            return settings;
        }

        /** Names of partitioned tables and partitions (an index on one also acts on the others). */
        java.util.Set<String> partitionedTables() {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Row row : await(restricted.query("SELECT relname FROM pg_catalog.pg_class WHERE relkind = 'p' OR relispartition")
                    .execute())) {
                names.add(row.getString("relname"));
            }
            return names;
        }

        int settingsVersion() {
            return settingsVersion;
        }

        List<Pending> pending() {
            return pending;
        }

        private IndexLanes lanes() {
            if (lanes == null) {
                lanes = new IndexLanes(this);
            }
            return lanes;
        }

        /** One statement on the restricted connection (or, elevated, on the administrative one). */
        void runOne(int ordinal, CheckedStatement checked, boolean elevated) {
            SqlStatement statement = checked.statement();
            boolean alone = elevated || NOT_IN_TRANSACTION.matcher(statement.sql()).find();
            if (alone || inTransaction >= BATCH) {
                commit();
            }
            if (elevated) {
                drain(pending);
                try {
                    runElevated(checked);
                } catch (PgException e) {
                    throw failed(statement, e);
                }
                return;
            }
            if (!alone && inTransaction == 0) {
                pending.add(new Pending(ordinal, statement, restricted.query("BEGIN").execute()));
            }
            last = new Pending(ordinal, statement, restricted.query(statement.sql()).execute());
            pending.add(last);
            inTransaction = alone ? 0 : inTransaction + 1;
            if (SETTING.matcher(statement.sql()).lookingAt()) {
                settingsVersion++;
            }
        }

        /** Commits the restricted connection's open transaction, if any (pipelined; see {@link #drain}). */
        void commit() {
            if (inTransaction > 0) {
                pending.add(new Pending(last.ordinal(), last.statement(), restricted.query("COMMIT").execute()));
                inTransaction = 0;
            }
        }

        private static final Pattern SETTING = Pattern.compile("(?i)\\s*(SET|RESET|SELECT)\\b");
        static final int BATCH = 200;
        private static final Pattern NOT_IN_TRANSACTION = Pattern.compile(
                "(?is)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b|ALTER\\s+TYPE\\b.*\\bADD\\s+VALUE\\b"
                        + "|DROP\\s+INDEX\\s+CONCURRENTLY\\b|REINDEX\\b.*\\bCONCURRENTLY\\b)");

        /** A sent command; {@code ordinal} is its statement's position in the files (BEGIN/COMMIT take a neighbour's). */
        record Pending(int ordinal, SqlStatement statement, Future<RowSet<Row>> result) {
        }

        /**
         * Waits for every pending command; throws for the earliest statement that failed. Across lanes the
         * earliest one is a real error: a command that failed because its transaction had aborted follows the
         * failure that aborted it, on the same connection.
         */
        static void drain(List<Pending> pending) {
            EngineException first = null;
            int firstOrdinal = Integer.MAX_VALUE;
            for (Pending p : pending) {
                try {
                    EngineVertx.await(p.result(), STATEMENT_TIMEOUT_SECONDS);
                } catch (PgException e) {
                    if (p.ordinal() < firstOrdinal) {
                        first = failed(p.statement(), e);
                        firstOrdinal = p.ordinal();
                    }
                }
            }
            pending.clear();
            if (first != null) {
                throw first;
            }
        }

        private void runElevated(CheckedStatement checked) {
            SqlStatement statement = checked.statement();
            if (admin == null) {
                admin = connect(shadow);
            }
            Matcher owner = OWNER_TO.matcher(statement.sql());
            if (checked.kind().endsWith("OWNER TO") && owner.matches() && isPrivileged(owner.group(1))) {
                return; // ownership by a privileged role cannot be given safely in the shadow; the owner stays restricted
            }
            String searchPath = await(restricted.query("SELECT pg_catalog.current_setting('search_path') AS p").execute())
                    .iterator().next().getString("p");
            await(admin.preparedQuery("SELECT pg_catalog.set_config('search_path', $1, false)").execute(Tuple.of(searchPath)));
            await(admin.query(statement.sql()).execute());
        }

        private boolean isPrivileged(String roleToken) {
            String role = roleToken.startsWith("\"") ? roleToken.substring(1, roleToken.length() - 1).replace("\"\"", "\"")
                    : roleToken.toLowerCase(java.util.Locale.ROOT);
            if (role.equals("current_user") || role.equals("current_role")) {
                return false;
            }
            RowSet<Row> rows = await(admin.preparedQuery("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication "
                    + "OR rolbypassrls OR pg_catalog.pg_has_role(oid, 'pg_execute_server_program', 'MEMBER') "
                    + "OR pg_catalog.pg_has_role(oid, 'pg_read_server_files', 'MEMBER') "
                    + "OR pg_catalog.pg_has_role(oid, 'pg_write_server_files', 'MEMBER') AS privileged "
                    + "FROM pg_catalog.pg_roles WHERE rolname = $1").execute(Tuple.of(role)));
            // unknown roles (session_user, typos) are privileged until proven otherwise: skip them too
            return !rows.iterator().hasNext() || Boolean.TRUE.equals(rows.iterator().next().getBoolean("privileged"));
        }

        static EngineException failed(SqlStatement statement, PgException e) {
            int line = statement.line();
            int column = statement.column();
            if (e.getPosition() != null && !e.getPosition().isBlank()) {
                try {
                    int position = Integer.parseInt(e.getPosition().strip());
                    int atLine = statement.lineOfPosition(position);
                    if (atLine != line) {
                        line = atLine;
                        column = 0;
                    }
                } catch (NumberFormatException ignored) {
                    // keep the statement's start
                }
            }
            SourceLocation location = new SourceLocation(statement.file(), line, column);
            String detail = e.getDetail() == null || e.getDetail().isBlank() ? "" : " (" + e.getDetail().replace('\n', ' ') + ")";
            return new EngineException(Code.SHADOW_FAILED, location + ": statement failed in the shadow database: "
                    + e.getErrorMessage() + detail, location, e);
        }

        void close() {
            if (lanes != null) {
                lanes.close();
            }
            EngineVertx.await(restricted.close().otherwise((Void) null), 30);
            if (admin != null) {
                EngineVertx.await(admin.close().otherwise((Void) null), 30);
            }
        }
    }
}
