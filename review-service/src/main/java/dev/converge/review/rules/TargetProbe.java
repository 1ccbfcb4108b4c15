package dev.converge.review.rules;

import dev.converge.review.rules.sql.QualifiedName;
import dev.converge.review.rules.sql.TypeName;
import java.util.List;

/**
 * Read-only questions the rules ask the target database. Implementations run each query in a read-only
 * transaction with a statement timeout; a failure (timeout, connection) is thrown and becomes a notice.
 */
public interface TargetProbe {
    /** Runs a {@code SELECT count(*) ...} style query and returns the single number it yields. */
    long count(String sql) throws Exception;

    /** The current type of a column on the target, or null when the column does not exist there. */
    TypeName columnType(QualifiedName table, String column) throws Exception;

    /** Views on the target that read the table (or, when column is not null, that column of it). */
    List<QualifiedName> viewsReading(QualifiedName table, String column) throws Exception;
}
