package dev.converge.ingest.service;

import java.util.List;

/**
 * A request the API refuses, with the HTTP status, a stable machine-readable {@code code} and a message a person
 * can act on. Rendered as {@code {code, message, details[]}} by the API's exception mapper.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<ErrorDetail> details;

    public ApiException(int status, String code, String message, List<ErrorDetail> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ErrorDetail> details() {
        return details;
    }
}
