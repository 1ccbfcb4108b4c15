package dev.converge.cli.check;

import java.util.List;

/** The server refused a request: HTTP status, its error code and message, and the items at fault. */
public class ServerError extends Exception {
    private final int status;
    private final String code;
    private final List<Detail> details;

    public ServerError(int status, String code, String message, List<Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Detail> details() {
        return details;
    }

    /** One item of an error's details, as the ingest API sends it. */
    public record Detail(String field, String file, Integer line, Integer column, String message) {
        String oneLine() {
            String where = file != null ? file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column)) : field;
            return where == null || where.isEmpty() ? message : where + ": " + message;
        }
    }
}
