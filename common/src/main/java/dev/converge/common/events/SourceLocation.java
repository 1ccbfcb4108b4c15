package dev.converge.common.events;

/** A place in a submitted state file; line and column are 1-based, 0 when unknown. */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
