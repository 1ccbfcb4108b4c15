package dev.converge.common.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.converge.common.json.JsonProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Optional;
import java.util.UUID;

/**
 * The errors every service answers the same way, as JSON in the service's own shape ({@link ErrorBodies}): a request
 * body that is not JSON ({@code 400 MALFORMED_JSON}, with line and column) or JSON of the wrong shape
 * ({@code 400 INVALID_REQUEST}, naming the field); what the framework refuses before a resource method runs (wrong
 * method, Content-Type or Accept: the HTTP status's name as the code, e.g. {@code UNSUPPORTED_MEDIA_TYPE}); and anything
 * unexpected ({@code 500 INTERNAL} with a reference to the log line). Never a stack trace or a Jackson class name.
 * Service-specific exceptions (ingest's {@code ApiException}, rollout's {@code RolloutException}) have their own,
 * more specific mappers.
 */
public class RequestErrorMappers {
    private static final Logger LOG = Logger.getLogger(RequestErrorMappers.class);

    @Inject
    ErrorBodies bodies;

    /** Jackson throws these itself; priority 1 so that they win over Quarkus' built-in mapper, which writes no body. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e) {
        Optional<JsonProblem> problem = JsonProblem.find(e);
        return problem.isPresent() ? badJson(problem.get()) : unexpected(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader wraps most of Jackson's exceptions in a bare 400; answer with what is actually wrong.
        Optional<JsonProblem> problem = JsonProblem.find(e.getCause());
        if (problem.isPresent()) {
            return badJson(problem.get());
        }
        Response response = e.getResponse();
        if (response.hasEntity()) {
            return response; // already written for the caller, e.g. the 401 of an unknown token
        }
        int status = response.getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String code = known == null ? "HTTP_" + status : known.name();
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ") || isRoutingRefusal(status)
                ? describe(status) : e.getMessage();
        return Response.fromResponse(response).type(MediaType.APPLICATION_JSON).entity(bodies.of(code, message, null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error (reference %s)", reference);
        return respond(500, "INTERNAL", "internal error; the server log has the details under reference " + reference, null);
    }

    /** A sentence for a status the framework answers without one of ours. */
    public static String describe(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "only application/json responses are available";
            case 413 -> "the request body is larger than the server accepts";
            case 415 -> "send the body as application/json";
            default -> "request failed with HTTP " + status;
        };
    }

    /** Refusals decided by routing; the framework's messages for them name its internals, ours say what to send. */
    private static boolean isRoutingRefusal(int status) {
        return status == 405 || status == 406 || status == 415;
    }

    private Response badJson(JsonProblem problem) {
        return respond(400, problem.malformed() ? "MALFORMED_JSON" : "INVALID_REQUEST", problem.sentence(), problem);
    }

    private Response respond(int status, String code, String message, JsonProblem problem) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(bodies.of(code, message, problem)).build();
    }
}
