package dev.converge.rollout.api;

import dev.converge.common.Text;
import dev.converge.rollout.api.ui.UiDirectory;
import dev.converge.rollout.service.RolloutException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /v1/events}: status events as Server-Sent Events, in commit order. The SSE id is the event-log id,
 * so a client that reconnects with {@code Last-Event-ID} continues exactly after the last event it saw. With a
 * filter (project, submission or rollout) and no {@code Last-Event-ID}, the stream starts with the subject's
 * whole history; without a filter it starts with what happens next.
 */
@Path("/v1/events")
@Tag(name = "events")
public class EventsResource {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int BATCH = 500;

    private final Pool pool;
    private final UiDirectory directory;

    public EventsResource(Pool pool, UiDirectory directory) {
        this.pool = pool;
        this.directory = directory;
    }

    private record Filter(String project, String submission, String rollout) {
        boolean any() {
            return project != null || submission != null || rollout != null;
        }
    }

    private record Entry(long id, String payload) {
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Status events (rollouts, stages, tasks) as Server-Sent Events; resume with Last-Event-ID")
    public Multi<OutboundSseEvent> events(@QueryParam("project") String project,
                                          @QueryParam("submission") String submission,
                                          @QueryParam("rollout") String rollout,
                                          @HeaderParam("Last-Event-ID") String lastEventId,
                                          @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                                          @Context Sse sse) {
        directory.authenticate(auth);
        Filter filter = new Filter(blankToNull(project), blankToNull(submission), blankToNull(rollout));
        Long resumeAfter = parse(lastEventId);
        Uni<Long> start = resumeAfter != null ? Uni.createFrom().item(resumeAfter)
                : filter.any() ? Uni.createFrom().item(0L) : latestId();
        return start.onItem().transformToMulti(from -> {
            AtomicLong last = new AtomicLong(from);
            return Multi.createFrom().ticks().every(POLL)
                    .onOverflow().drop()
                    .onItem().transformToMultiAndConcatenate(tick -> fetch(filter, last))
                    .map(e -> sse.newEventBuilder().id(String.valueOf(e.id())).name("status")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(e.payload()).build());
        });
    }

    private Multi<Entry> fetch(Filter f, AtomicLong last) {
        StringBuilder sql = new StringBuilder("SELECT id, payload FROM rollout.event_log WHERE id > $1");
        List<Object> args = new ArrayList<>();
        args.add(last.get());
        if (f.project() != null) {
            args.add(f.project());
            sql.append(" AND project = $").append(args.size());
        }
        if (f.submission() != null) {
            args.add(f.submission());
            sql.append(" AND submission_id = $").append(args.size());
        }
        if (f.rollout() != null) {
            args.add(f.rollout());
            sql.append(" AND rollout_id = $").append(args.size());
        }
        sql.append(" ORDER BY id LIMIT ").append(BATCH);
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args))
                .onItem().transformToMulti(rows -> {
                    List<Entry> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Entry(r.getLong("id"), r.getString("payload")));
                    }
                    if (!out.isEmpty()) {
                        last.set(out.get(out.size() - 1).id());
                    }
                    return Multi.createFrom().iterable(out);
                });
    }

    private Uni<Long> latestId() {
        return pool.query("SELECT coalesce(max(id), 0) AS id FROM rollout.event_log").execute()
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    private static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        // Browsers send back the id this stream gave them; anything else is a hand-written client's mistake, and
        // quietly starting over (or from now) would replay or skip events without anyone noticing.
        String id = lastEventId.trim();
        if (!id.matches("\\d{1,18}")) {
            throw new RolloutException(RolloutException.Kind.BAD_REQUEST, "Last-Event-ID '" + Text.abbreviate(id, 40)
                    + "' is not an id this stream sent: resume with the id of the last event received (a whole number),"
                    + " or leave the header out");
        }
        return Long.parseLong(id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
