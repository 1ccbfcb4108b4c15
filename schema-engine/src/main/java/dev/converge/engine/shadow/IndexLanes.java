package dev.converge.engine.shadow;

import dev.converge.engine.EngineVertx;
import dev.converge.engine.shadow.ShadowDatabase.Session;
import dev.converge.engine.shadow.ShadowDatabase.Session.Pending;
import dev.converge.engine.source.CheckedStatement;
import dev.converge.engine.source.CheckedStatement.Disposition;
import dev.converge.engine.source.SqlStatement;
import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs of {@code CREATE INDEX} in the shadow, spread over a few more restricted connections ("lanes").
 *
 * <p>Why: on PostgreSQL ≤ 16 every B-tree build ends with an fsync of the new index file (it is written outside
 * shared buffers), so a schema with thousands of indexes spends most of its shadow load waiting for the disk, one
 * fsync at a time. Several sessions wait for their fsyncs at the same time (as {@code pg_restore --jobs} does).
 *
 * <p>Order and safety: a run starts only after everything before it has committed on the main connection (drained),
 * and the main connection continues only after every lane has committed (drained): the run's statements see what
 * came before them, and what comes after sees them. Within a run, all statements on one table go to the same lane
 * (by the table's unqualified name), so lanes never wait for each other's table locks; a run contains only named
 * indexes (PostgreSQL picks names for unnamed ones, which two sessions could pick alike) with names not used
 * earlier in the run, on tables that are neither partitioned nor partitions (an index on a partitioned table
 * creates or attaches its partitions' indexes, which must see the indexes written before it). {@code COMMENT ON TABLE|COLUMN} inside a run is deferred to its end on the main connection
 * (a comment takes a lock that index builds hold; it depends on no index). Any other statement ends the run.
 * Lanes log in as the same per-run role and copy the session settings (search_path, …) the statements set. If
 * lanes cannot be opened (e.g. the server is out of connections), everything runs on the main connection.
 */
final class IndexLanes {

    static final int LANES = 3;

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + IDENT + ")\\s+ON\\s+(?:ONLY\\s+)?(?:" + IDENT + "\\s*\\.\\s*)?(" + IDENT + ")"
            + "\\s*(?:USING\\b|\\()");
    private static final Set<String> NOT_NAMES = Set.of("concurrently", "on", "if");
    private static final Pattern COMMENT_ON_RELATION = Pattern.compile("(?is)\\s*COMMENT\\s+ON\\s+(TABLE|COLUMN)\\b");

    private final Session session;
    private List<Lane> lanes;
    private boolean unavailable;
    private int settingsVersion;
    private boolean running;
    private final Set<String> names = new HashSet<>();
    /** Partitioned tables and partitions at the start of the run: their indexes stay on the main connection. */
    private Set<String> partitioned = Set.of();
    private final List<Deferred> deferred = new ArrayList<>();

    IndexLanes(Session session) {
        this.session = session;
    }

    private record Deferred(int ordinal, CheckedStatement checked) {
    }

    /** One more restricted connection with its own transaction. */
    private static final class Lane {
        final PgConnection conn;
        int inTransaction;
        Pending last;

        Lane(PgConnection conn) {
            this.conn = conn;
        }
    }

    /** Takes the statement into the current run (starting one if it is a CREATE INDEX); false: not for a lane. */
    boolean offer(int ordinal, CheckedStatement checked) {
        if (checked.disposition() != Disposition.EXECUTE || unavailable) {
            return false;
        }
        String sql = checked.statement().sql();
        Matcher index = CREATE_INDEX.matcher(sql);
        if (index.lookingAt()) {
            String name = normalize(index.group(1));
            if (NOT_NAMES.contains(index.group(1).toLowerCase(Locale.ROOT)) || (running && names.contains(name))) {
                return false;
            }
            if (!running && !start()) {
                return false;
            }
            String table = normalize(index.group(2));
            if (partitioned.contains(table)) {
                return false;
            }
            names.add(name);
            Lane lane = lanes.get(Math.floorMod(table.hashCode(), lanes.size()));
            send(lane, ordinal, checked.statement());
            return true;
        }
        if (running && COMMENT_ON_RELATION.matcher(sql).lookingAt()) {
            deferred.add(new Deferred(ordinal, checked));
            return true;
        }
        return false;
    }

    /** Ends the current run, if any: commits the lanes, waits for them, then runs the deferred comments. */
    void leave() {
        if (!running) {
            return;
        }
        running = false;
        for (Lane lane : lanes) {
            if (lane.inTransaction > 0) {
                session.pending().add(new Pending(lane.last.ordinal(), lane.last.statement(), lane.conn.query("COMMIT").execute()));
                lane.inTransaction = 0;
            }
        }
        Session.drain(session.pending());
        for (Deferred d : deferred) {
            session.runOne(d.ordinal(), d.checked(), false);
        }
        deferred.clear();
    }

    private boolean start() {
        if (lanes == null && !open()) {
            return false;
        }
        session.commit();
        Session.drain(session.pending());
        if (settingsVersion != session.settingsVersion()) {
            List<Tuple> settings = session.changedSettings();
            List<Future<?>> done = new ArrayList<>();
            for (Lane lane : lanes) {
                for (Tuple setting : settings) {
                    done.add(lane.conn.preparedQuery("SELECT pg_catalog.set_config($1, $2, false)").execute(setting));
                }
            }
            done.forEach(f -> EngineVertx.await(f, 30));
            settingsVersion = session.settingsVersion();
        }
        partitioned = session.partitionedTables();
        running = true;
        names.clear();
        return true;
    }

    private boolean open() {
        List<Lane> opened = new ArrayList<>();
        try {
            for (int i = 0; i < LANES; i++) {
                opened.add(new Lane(session.openLane()));
            }
            lanes = opened;
            return true;
        } catch (RuntimeException e) {
            // not worth failing the plan for: the main connection can run everything, only slower
            opened.forEach(l -> EngineVertx.await(l.conn.close().otherwise((Void) null), 30));
            unavailable = true;
            return false;
        }
    }

    private void send(Lane lane, int ordinal, SqlStatement statement) {
        List<Pending> pending = session.pending();
        if (lane.inTransaction == 0) {
            pending.add(new Pending(ordinal, statement, lane.conn.query("BEGIN").execute()));
        }
        lane.last = new Pending(ordinal, statement, lane.conn.query(statement.sql()).execute());
        pending.add(lane.last);
        if (++lane.inTransaction >= Session.BATCH) {
            pending.add(new Pending(ordinal, statement, lane.conn.query("COMMIT").execute()));
            lane.inTransaction = 0;
        }
    }

    void close() {
        if (lanes != null) {
            lanes.forEach(l -> EngineVertx.await(l.conn.close().otherwise((Void) null), 30));
        }
    }

    /** An identifier as PostgreSQL stores it: quoted ones as written, others lower-cased. */
    private static String normalize(String ident) {
        return ident.startsWith("\"") ? ident.substring(1, ident.length() - 1).replace("\"\"", "\"") : ident.toLowerCase(Locale.ROOT);
    }
}
