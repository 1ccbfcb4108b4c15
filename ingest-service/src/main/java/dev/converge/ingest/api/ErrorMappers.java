package dev.converge.ingest.api;

import dev.converge.common.json.JsonProblem;
import dev.converge.common.service.ErrorBodies;
import dev.converge.ingest.service.ApiException;
import dev.converge.ingest.service.ErrorDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Renders every failure as {@link ApiError} JSON. Ingest's own refusals come as {@link ApiException}; malformed JSON,
 * wrong types, what routing refuses and anything unexpected are answered by the shared
 * {@link dev.converge.common.service.RequestErrorMappers}, in this shape (a field at fault becomes a detail).
 */
@ApplicationScoped
public class ErrorMappers implements ErrorBodies {

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(e.code(), e.getMessage(), e.details())).build();
    }

    @Override
    public Object of(String code, String message, JsonProblem problem) {
        return new ApiError(code, message, problem == null || problem.malformed() ? List.of()
                : List.of(ErrorDetail.field(problem.field(), problem.problem())));
    }
}
