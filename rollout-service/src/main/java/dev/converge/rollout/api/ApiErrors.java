package dev.converge.rollout.api;

import dev.converge.rollout.service.RolloutException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** Turns a refused rollout request into {@code {"code", "message"}} with the matching HTTP status. */
@Provider
public class ApiErrors implements ExceptionMapper<RolloutException> {
    @Override
    public Response toResponse(RolloutException e) {
        int status = switch (e.kind()) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case INVALID -> 422;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("code", e.kind().name(), "message", e.getMessage())).build();
    }
}
