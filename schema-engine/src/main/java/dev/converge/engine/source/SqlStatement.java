package dev.converge.engine.source;

import java.util.List;

/**
 * One statement of a state file.
 *
 * @param file            the file's path as given to the splitter (used in messages)
 * @param index           0-based position of the statement in its file
 * @param sql             the statement text without the terminating semicolon
 * @param line            1-based line of the statement's first character
 * @param column          1-based column of the statement's first character
 * @param leadingComments the {@code --} comment lines directly above the statement (no blank line between),
 *                        without the {@code --} marker, trimmed; annotations such as
 *                        {@code converge:renamed-from old_name} are read from here
 */
public record SqlStatement(String file, int index, String sql, int line, int column, List<String> leadingComments) {

    public SqlStatement {
        leadingComments = List.copyOf(leadingComments);
    }

    /** "file:line:column", the prefix of every message about this statement. */
    public String location() {
        return file + ":" + line + ":" + column;
    }

    /**
     * Translates a 1-based character position inside {@link #sql()} (as PostgreSQL reports it in an error)
     * into the 1-based line of the file.
     */
    public int lineOfPosition(int position) {
        int line = this.line;
        int end = Math.min(Math.max(position - 1, 0), sql.length());
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
