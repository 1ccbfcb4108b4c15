package dev.converge.ingest.api;

import dev.converge.ingest.service.ErrorDetail;

import java.util.List;

/** The body of every error response: a stable code, a message a person can act on, and the items at fault. */
public record ApiError(String code, String message, List<ErrorDetail> details) {
    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
