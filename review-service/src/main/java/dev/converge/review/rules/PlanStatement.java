package dev.converge.review.rules;

import dev.converge.common.events.Hazard;
import dev.converge.common.events.PlannedStatement;
import dev.converge.review.rules.sql.Ddl;
import java.util.List;
import java.util.Locale;

/** A plan statement together with what the DDL parser read from it. */
public record PlanStatement(PlannedStatement planned, Ddl ddl) {
    public int index() {
        return planned.index();
    }

    public String sql() {
        return planned.sql();
    }

    public List<Hazard> hazards() {
        return planned.hazards();
    }

    /** True when one of the statement's hazard codes contains {@code fragment} (case-insensitive). */
    public boolean hasHazard(String fragment) {
        String f = fragment.toUpperCase(Locale.ROOT);
        return planned.hazards().stream().anyMatch(h -> h.code() != null && h.code().toUpperCase(Locale.ROOT).contains(f));
    }
}
