package dev.converge.common.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON request body, in words for the person who sent it: either the text is not JSON at all
 * ({@link #malformed}, with line and column), or it is JSON of the wrong shape, with the {@link #field} at fault
 * ({@code files[2].path}; empty for the body as a whole) and the {@link #problem} with it. Jackson's own messages
 * carry Java class names and parser positions; none of that gets through.
 */
public record JsonProblem(boolean malformed, String field, String problem) {

    /** The first Jackson read failure in {@code failure}'s cause chain (itself included), if there is one. */
    public static Optional<JsonProblem> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // An invalid definition is the server's type that Jackson cannot build, not the client's input.
            if (t instanceof JsonProcessingException json && !(t instanceof InvalidDefinitionException)) {
                return Optional.of(of(json));
            }
        }
        return Optional.empty();
    }

    public static JsonProblem of(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof JsonParseException || original.startsWith("Unexpected end-of-input")
                || original.startsWith("Unexpected character")) {
            return new JsonProblem(true, null, "the request body is not valid JSON" + where(e) + ": " + clean(original));
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            String problem = type != null && type.isEnum()
                    ? "'" + f.getValue() + "' is not one of " + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
                    : "'" + f.getValue() + "' is not a valid " + typeName(type);
            return new JsonProblem(false, path(f), problem);
        }
        if (e instanceof MismatchedInputException m && original.startsWith("Trailing token")) {
            return new JsonProblem(true, null, "the request body has more after its JSON value" + where(e)
                    + "; send exactly one JSON value");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ", "; the known fields here are [", "]"));
            return new JsonProblem(false, path(u), "is unknown" + known);
        }
        if (e instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "another type" : typeName(m.getTargetType());
            return new JsonProblem(false, path(m), "has the wrong type; expected " + expected);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
            return new JsonProblem(false, path(v), clean(v.getCause().getMessage()));
        }
        if (e instanceof JsonMappingException m) {
            return new JsonProblem(false, path(m), clean(original));
        }
        return new JsonProblem(true, null, "the request body is not valid JSON: " + clean(original));
    }

    /** {@code " at line L, column C"}, or nothing when the parser does not know where. */
    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /**
     * One sentence: the problem itself when the body is malformed, otherwise {@code field 'mode' '1' is not one of
     * [CHECK, ROLLOUT]} or {@code request body has the wrong type; expected object}.
     */
    public String sentence() {
        if (malformed) {
            return problem;
        }
        return (field == null || field.isEmpty() ? "request body" : "field '" + field + "'") + " " + problem;
    }

    /** Drops parser positions ({@code at [Source: …]}) and reduces backquoted Java class names to their simple name. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("\\s*\\(start marker at \\[Source:.*", "").replaceAll("\\s*at \\[Source:(?s).*", "")
                .replaceAll("`(?:[\\w$]+\\.)+([\\w$]+)`", "`$1`").strip();
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
        if (type == String.class || type == Character.class || type == char.class) {
            return "string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
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
}
