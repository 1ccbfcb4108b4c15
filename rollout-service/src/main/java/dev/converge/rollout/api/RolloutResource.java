package dev.converge.rollout.api;

import dev.converge.common.auth.ServiceAccount;
import dev.converge.rollout.api.ui.UiDirectory;
import dev.converge.rollout.repository.RolloutStore;
import dev.converge.rollout.service.Actor;
import dev.converge.rollout.service.Rollout;
import dev.converge.rollout.service.RolloutException;
import dev.converge.rollout.service.RolloutService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Rollouts over REST. Every call needs a bearer token; decisions additionally need the stage's approver role
 * (checked by the rollout itself, which also refuses a submitter approving their own guarded stage).
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rollouts")
public class RolloutResource {
    private final RolloutService service;
    private final RolloutStore store;
    private final UiDirectory directory;

    public RolloutResource(RolloutService service, RolloutStore store, UiDirectory directory) {
        this.service = service;
        this.store = store;
        this.directory = directory;
    }

    @GET
    @Path("/rollouts/{id}")
    @WithSession
    @Operation(summary = "A rollout with its stages, tasks (plans, verdicts, outcomes) and audit trail")
    public Uni<RolloutView> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        directory.authenticate(auth);
        return store.find(id).chain(r -> {
            if (r == null) {
                return Uni.createFrom().failure(new RolloutException(RolloutException.Kind.NOT_FOUND, "no rollout '" + id + "'"));
            }
            return store.audit(id).map(a -> RolloutView.of(r, a));
        });
    }

    @GET
    @Path("/projects/{project}/rollouts")
    @WithSession
    @Operation(summary = "The project's rollouts, newest first")
    public Uni<List<RolloutView>> list(@PathParam("project") String project,
                                       @Parameter(description = "at most this many (1..500, default 50)",
                                               schema = @Schema(type = SchemaType.INTEGER))
                                       @QueryParam("limit") String limit,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        directory.authenticate(auth);
        if (directory.config().project(project) == null) {
            throw new RolloutException(RolloutException.Kind.NOT_FOUND, "no project '" + project + "'");
        }
        return store.listByProject(project, Math.max(1, Math.min(pageLimit(limit), 500)))
                .map(rs -> rs.stream().map(r -> RolloutView.of(r, null)).toList());
    }

    /*
     * Google-style custom methods ("…/stages/prod:approve"). Quarkus REST does not match a template followed by a
     * literal inside one path segment, so the whole segment is the parameter and the verb is split off here.
     */

    @POST
    @Path("/rollouts/{id}/stages/{stageAndVerb}")
    @WithTransaction
    @Operation(summary = "POST …/stages/{stage}:approve or …/stages/{stage}:reject, body {\"comment\": …}. "
            + "Approval needs the environment's approver role; a submitter may not approve their own guarded stage "
            + "(403). Rejecting cancels the rollout.")
    public Uni<RolloutView> decideStage(@PathParam("id") String id, @PathParam("stageAndVerb") String stageAndVerb,
                                        Decide body, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        Actor actor = actor(auth);
        CustomMethod m = CustomMethod.parse(stageAndVerb, "approve", "reject");
        Uni<Rollout> done = m.verb().equals("approve")
                ? service.approve(id, m.subject(), actor, comment(body))
                : service.reject(id, m.subject(), actor, comment(body));
        return done.chain(this::view);
    }

    @POST
    @Path("/rollouts/{id}")
    @WithTransaction
    @Operation(summary = "POST /v1/rollouts/{id}:cancel, body {\"comment\": …}: cancel a rollout; running tasks finish, "
            + "nothing new starts")
    public Uni<RolloutView> cancel(@PathParam("id") String idAndVerb, Decide body,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        Actor actor = actor(auth);
        CustomMethod m = CustomMethod.parse(idAndVerb, "cancel");
        return service.cancel(m.subject(), actor, comment(body)).chain(this::view);
    }

    @POST
    @Path("/rollouts/{id}/tasks/{taskAndVerb}")
    @WithTransaction
    @Operation(summary = "POST …/tasks/{task}:retry: retry a FAILED or DRIFTED task of the failed stage (a new attempt)")
    public Uni<RolloutView> retry(@PathParam("id") String id, @PathParam("taskAndVerb") String taskAndVerb, Decide body,
                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        Actor actor = actor(auth);
        CustomMethod m = CustomMethod.parse(taskAndVerb, "retry");
        return service.retry(id, m.subject(), actor, comment(body)).chain(this::view);
    }

    /** Read as text: JAX-RS answers a non-numeric int query parameter with a bare 404 that names nothing. */
    private static int pageLimit(String raw) {
        if (raw == null || raw.isBlank()) {
            return 50;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            String shown = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
            throw new RolloutException(RolloutException.Kind.BAD_REQUEST,
                    "query parameter 'limit' must be a whole number (1..500), got '" + shown + "'");
        }
    }

    private Uni<RolloutView> view(Rollout r) {
        return store.audit(r.id()).map(a -> RolloutView.of(r, a));
    }

    private Actor actor(String authorization) {
        ServiceAccount account = directory.authenticate(authorization);
        return new Actor(account.name(), account.roles());
    }

    private static String comment(Decide body) {
        return body == null || body.comment() == null || body.comment().isBlank() ? null : body.comment().trim();
    }
}
