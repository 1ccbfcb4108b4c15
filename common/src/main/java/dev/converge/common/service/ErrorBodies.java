package dev.converge.common.service;

import dev.converge.common.json.JsonProblem;

/**
 * How this service spells the body of an error response that {@link RequestErrorMappers} writes. The default bean
 * ({@link CodeAndMessage}) writes {@code {"code", "message"}}, the shape of the inbox probe's 401 and of rollout's
 * errors; a service whose errors carry more (ingest adds {@code details}) provides its own bean.
 */
public interface ErrorBodies {

    /** The body for {@code code} and {@code message}; {@code problem} is set when a JSON request body was at fault. */
    Object of(String code, String message, JsonProblem problem);

    /** {@code {"code": …, "message": …}}: what every service uses unless it brings its own {@link ErrorBodies}. */
    @io.quarkus.arc.DefaultBean
    @jakarta.enterprise.context.ApplicationScoped
    class CodeAndMessage implements ErrorBodies {
        /** The body, in this order. */
        public record Body(String code, String message) {
        }

        @Override
        public Object of(String code, String message, JsonProblem problem) {
            return new Body(code, message);
        }
    }
}
