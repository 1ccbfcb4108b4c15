package dev.converge.ingest.api;

import dev.converge.ingest.service.ApiException;
import dev.converge.ingest.service.SubmissionRequest;
import dev.converge.ingest.service.SubmissionService;
import dev.converge.ingest.service.SubmissionView;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** The API CI calls: submit state files for a project, then follow the per-target plans and reviews. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "submissions")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "bearer")
public class SubmissionResource {
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    @Inject
    SubmissionService submissions;

    /** The answer to a submit. */
    public record Accepted(String id, String url, boolean replayed) {
    }

    @POST
    @Path("/projects/{project}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit desired-state files", description = "Validates the files (paths, UTF-8, limits, "
            + "state-file allowlist) and the targets, stores the submission and publishes it for planning. Needs role "
            + "'submitter'. With an Idempotency-Key, repeating the same request returns the same submission.")
    @APIResponse(responseCode = "202", description = "accepted; follow the URL",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "malformed request, bad path or content",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "no or unknown bearer token")
    @APIResponse(responseCode = "403", description = "the account lacks role 'submitter'")
    @APIResponse(responseCode = "404", description = "unknown project")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with a different body")
    @APIResponse(responseCode = "413", description = "more files or bytes than the configured limits")
    @APIResponse(responseCode = "422", description = "unknown target, or statements not allowed in state files "
            + "(details name file:line:column)")
    public Uni<Response> submit(@PathParam("project") String project,
                                @Parameter(description = "repeat-safe key chosen by the client (e.g. the CI run id)")
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @Context SecurityContext security,
                                SubmissionRequest request) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new ApiException(400, "INVALID_REQUEST", "Idempotency-Key is longer than " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        String principal = security.getUserPrincipal().getName();
        return submissions.submit(project, request, key, principal).map(s -> {
            String url = "/v1/submissions/" + s.id();
            return Response.accepted(new Accepted(s.id(), url, s.replayed()))
                    .location(URI.create(url))
                    .header("Idempotent-Replayed", s.replayed() ? "true" : null)
                    .build();
        });
    }

    @GET
    @Path("/submissions/{id}")
    @Operation(summary = "A submission and, per target, its plan, review and errors", description = "Needs role 'viewer'. "
            + "status is PLANNING, REVIEWING or COMPLETED; a target's review is PENDING until the review arrives.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "404", description = "unknown submission",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<SubmissionView> get(@PathParam("id") String id) {
        return submissions.get(id);
    }

    @GET
    @Path("/projects/{project}/submissions")
    @Operation(summary = "A project's submissions, newest first", description = "Needs role 'viewer'. limit: 1..200, "
            + "default 20. Pass the returned 'next' as 'after' to get the following page.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubmissionView.Page.class)))
    public Uni<SubmissionView.Page> list(@PathParam("project") String project,
                                         @Parameter(description = "page size, 1..200 (default 20)",
                                                 schema = @Schema(type = SchemaType.INTEGER))
                                         @QueryParam("limit") String limit,
                                         @QueryParam("after") String after) {
        // limit is read as text: JAX-RS answers a non-numeric int query parameter with a bare 404
        return submissions.list(project, limit, after);
    }
}
