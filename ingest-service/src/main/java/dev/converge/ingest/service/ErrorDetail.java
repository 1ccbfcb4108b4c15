package dev.converge.ingest.service;

import dev.converge.common.events.SourceLocation;

/**
 * One item of an error's {@code details}: what is wrong and where. {@code field} names a request field
 * (e.g. {@code files[2].path}); {@code file}/{@code line}/{@code column} point into a state file.
 */
public record ErrorDetail(String field, String file, Integer line, Integer column, String message) {

    public static ErrorDetail field(String field, String message) {
        return new ErrorDetail(field, null, null, null, message);
    }

    public static ErrorDetail at(SourceLocation location, String message) {
        return new ErrorDetail(null, location.file(), location.line() > 0 ? location.line() : null,
                location.column() > 0 ? location.column() : null, message);
    }

    /** {@code file:line:column: message} (or {@code field: message}) for one-line displays. */
    public String oneLine() {
        String where = file != null ? new SourceLocation(file, line == null ? 0 : line, column == null ? 0 : column).toString() : field;
        return where == null ? message : where + ": " + message;
    }
}
