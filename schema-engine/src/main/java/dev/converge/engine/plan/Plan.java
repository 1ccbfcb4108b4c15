package dev.converge.engine.plan;

import dev.converge.common.Hashing;
import dev.converge.common.events.PlannedStatement;
import dev.converge.engine.diff.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An ordered migration from the schema hashed {@code baseHash} to the one hashed {@code desiredHash}.
 *
 * @param changes the typed differences the statements implement (for summaries and review)
 */
public record Plan(String baseHash, String desiredHash, List<Statement> statements, List<Change> changes) {
    public Plan {
        statements = List.copyOf(statements);
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Identifies the statements (and the schemas they go between). */
    public String planHash() {
        return Hashing.sha256Hex(baseHash + "\n" + desiredHash + "\n"
                + statements.stream().map(Statement::sql).collect(Collectors.joining("\n;\n")));
    }

    /** One line per change, e.g. {@code create table public.users}. */
    public List<String> summary() {
        return changes.stream().map(Change::describe).toList();
    }

    /** The plan as a SQL script: statement groups separated by blank lines, hazards as comments. */
    public String toSql() {
        return statements.stream().map(Statement::toSql).collect(Collectors.joining("\n"));
    }

    public List<PlannedStatement> toEvents() {
        List<PlannedStatement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            out.add(statements.get(i).toEvent(i));
        }
        return out;
    }
}
