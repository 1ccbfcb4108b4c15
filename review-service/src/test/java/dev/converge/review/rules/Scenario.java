package dev.converge.review.rules;

import dev.converge.common.events.Finding;
import dev.converge.common.events.Hazard;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.StateFile;
import dev.converge.review.rules.sql.DdlParser;
import dev.converge.review.rules.sql.QualifiedName;
import dev.converge.review.rules.sql.TypeName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A plan to review in a test: its statements, the state files, and what the target answers. */
final class Scenario {
    private final List<String> sql = new ArrayList<>();
    private final Map<Integer, List<Hazard>> hazards = new HashMap<>();
    private final Map<Integer, Boolean> transactional = new HashMap<>();
    private final Map<Integer, Long> lockTimeouts = new HashMap<>();
    private final List<StateFile> files = new ArrayList<>();
    private final Map<String, String> columnTypes = new HashMap<>();
    private final Map<String, List<QualifiedName>> views = new HashMap<>();
    private Long count;
    private boolean probe;
    private RuleConfig config = RuleConfig.defaults();
    final List<String> probeQueries = new ArrayList<>();

    static Scenario plan(String... statements) {
        Scenario s = new Scenario();
        s.sql.addAll(List.of(statements));
        return s;
    }

    Scenario desired(String content) {
        return file("schemas/schema.sql", content);
    }

    Scenario file(String path, String content) {
        files.add(new StateFile(path, content, null));
        return this;
    }

    Scenario hazard(int index, String code) {
        hazards.computeIfAbsent(index, i -> new ArrayList<>()).add(new Hazard(code, code.toLowerCase().replace('_', ' ')));
        return this;
    }

    Scenario transactional(int index, boolean value) {
        transactional.put(index, value);
        return this;
    }

    Scenario lockTimeout(int index, long ms) {
        lockTimeouts.put(index, ms);
        return this;
    }

    /** The target answers every count query with n. */
    Scenario targetCount(long n) {
        probe = true;
        count = n;
        return this;
    }

    /** The target has this column with this type (as format_type prints it). */
    Scenario targetColumn(String tableDotColumn, String type) {
        probe = true;
        columnTypes.put(tableDotColumn, type);
        return this;
    }

    Scenario targetView(String tableDotColumn, String view) {
        probe = true;
        views.computeIfAbsent(tableDotColumn, k -> new ArrayList<>()).add(QualifiedName.of("public", view));
        return this;
    }

    Scenario target() {
        probe = true;
        return this;
    }

    Scenario config(RuleConfig config) {
        this.config = config;
        return this;
    }

    PlanComputed toPlan() {
        List<PlannedStatement> statements = new ArrayList<>();
        for (int i = 0; i < sql.size(); i++) {
            boolean concurrently = sql.get(i).toUpperCase().contains("CONCURRENTLY");
            statements.add(new PlannedStatement(i, sql.get(i), hazards.getOrDefault(i, List.of()),
                    transactional.getOrDefault(i, !concurrently), lockTimeouts.getOrDefault(i, 3000L), 60_000));
        }
        StringBuilder desired = new StringBuilder();
        files.forEach(f -> desired.append(f.content()).append('\n'));
        return new PlanComputed("plan-1", Instant.EPOCH, "sub-1", "hr", "demo/hr_test", "test", Mode.CHECK, "base",
                "desired", "planhash", statements, List.of(), desired.toString(), files, null);
    }

    RuleReview review() {
        return RuleEngine.standard().review(toPlan(), config, probe ? new FakeProbe() : null);
    }

    List<Finding> findings(String ruleId) {
        return review().findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Override
    public String toString() {
        return String.join("; ", sql);
    }

    /** Answers from the scenario's tables; records the queries it was asked. */
    private final class FakeProbe implements TargetProbe {
        @Override
        public long count(String query) {
            probeQueries.add(query);
            if (count == null) {
                throw new IllegalStateException("the scenario set no count");
            }
            return count;
        }

        @Override
        public TypeName columnType(QualifiedName table, String column) {
            String type = columnTypes.get(table.name() + "." + column);
            return type == null ? null : DdlParser.parseType(type);
        }

        @Override
        public List<QualifiedName> viewsReading(QualifiedName table, String column) {
            return views.getOrDefault(table.name() + (column == null ? "" : "." + column), List.of());
        }
    }
}
