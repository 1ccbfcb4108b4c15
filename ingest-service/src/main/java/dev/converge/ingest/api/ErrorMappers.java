package dev.converge.ingest.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.converge.ingest.service.ApiException;
import dev.converge.ingest.service.ErrorDetail;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Renders every failure as {@link ApiError} JSON. Malformed JSON and wrong types become 400 with the field path;
 * anything unexpected becomes 500 with a reference to the log line, never a stack trace.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return respond(e.status(), new ApiError(e.code(), e.getMessage(), e.details()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        String field = path(e);
        String message;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            message = "'" + e.getValue() + "' is not one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        } else {
            message = "'" + e.getValue() + "' is not a valid " + typeName(e.getTargetType());
        }
        return badJson(field, message);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        String expected = e.getTargetType() == null ? "another type" : typeName(e.getTargetType());
        return badJson(path(e), "has the wrong type; expected " + expected);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonParse(JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(DatabindException e) {
        return badJson(e instanceof JsonMappingException m ? path(m) : null, clean(e.getOriginalMessage()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof JsonParseException || original.startsWith("Unexpected end-of-input")
                || original.startsWith("Unexpected character")) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return respond(400, new ApiError("MALFORMED_JSON", "the request body is not valid JSON" + where + ": "
                    + clean(original), List.of()));
        }
        if (e instanceof InvalidFormatException f) {
            return invalidFormat(f);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m);
        }
        if (e instanceof DatabindException d) {
            return jsonMapping(d);
        }
        return respond(400, new ApiError("MALFORMED_JSON", "the request body is not valid JSON: " + e.getOriginalMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader wraps Jackson's exceptions in a 400; answer with what is actually wrong.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return json(json);
            }
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String code = known == null ? "HTTP_" + status : known.name();
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? describe(status) : e.getMessage();
        return respond(status, new ApiError(code, message, List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error (reference %s)", reference);
        return respond(500, new ApiError("INTERNAL", "internal error; the server log has the details under reference "
                + reference, List.of()));
    }

    /** Jackson's messages end with parser positions that mean nothing to a client. */
    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("\\s*\\(start marker at \\[Source:.*", "").replaceAll("\\s*at \\[Source:.*", "").strip();
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "only application/json responses are available";
            case 413 -> "the request body is larger than the server accepts";
            case 415 -> "send the body as application/json";
            default -> "request failed with HTTP " + status;
        };
    }

    private static Response badJson(String field, String message) {
        String where = field == null || field.isEmpty() ? "request body" : "field '" + field + "'";
        return respond(400, new ApiError("INVALID_REQUEST", where + " " + message,
                List.of(ErrorDetail.field(field == null ? "" : field, message))));
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            }
        }
        return out.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class) {
            return type.getSimpleName().toLowerCase();
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "object";
    }

    private static Response respond(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
