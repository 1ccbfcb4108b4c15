package dev.converge.cli.check;

import dev.converge.common.events.Hazard;
import dev.converge.common.events.PlannedStatement;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders planned statements exactly as {@code converge plan --format sql} prints an engine plan
 * ({@code Plan.toSql()}): per statement one {@code -- hazard: CODE: message} line per hazard, then the SQL and
 * {@code ;}, statements separated by a blank line. The system test compares the two outputs.
 */
final class PlanSql {
    private PlanSql() {
    }

    static String render(List<PlannedStatement> statements) {
        return statements.stream().map(PlanSql::render).collect(Collectors.joining("\n"));
    }

    static String render(PlannedStatement statement) {
        StringBuilder sb = new StringBuilder();
        for (Hazard h : statement.hazards()) {
            sb.append("-- hazard: ").append(h.code()).append(": ").append(h.message().replace('\n', ' ')).append('\n');
        }
        return sb.append(statement.sql()).append(";\n").toString();
    }
}
