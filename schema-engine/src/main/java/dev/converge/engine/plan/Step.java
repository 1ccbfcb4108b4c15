package dev.converge.engine.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A node of the plan's dependency graph: the statements of one change plus what they bring into existence,
 * need, remove and stop using. {@code phase} orders steps that have no edge between them (creates early,
 * drops late).
 */
final class Step {
    final Phase phase;
    final int seq;
    final List<Statement> statements = new ArrayList<>();
    final Set<String> creates = new LinkedHashSet<>();
    final Set<String> needs = new LinkedHashSet<>();
    final Set<String> drops = new LinkedHashSet<>();
    final Set<String> releases = new LinkedHashSet<>();
    final String label;

    Step(Phase phase, int seq, String label) {
        this.phase = phase;
        this.seq = seq;
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Default order of steps that do not depend on each other. */
    enum Phase {
        CREATE_SCHEMA, RENAME, CREATE_EXTENSION, CREATE_TYPE, DROP_TRIGGER, DROP_POLICY, DROP_VIEW, DETACH_PARTITION, DROP_FOREIGN_KEY,
        DROP_CONSTRAINT_OR_INDEX, CREATE_SEQUENCE, CREATE_FUNCTION, CREATE_TABLE, ADD_COLUMN, ALTER_COLUMN,
        ALTER_TABLE, ADD_CONSTRAINT_OR_INDEX, ADD_FOREIGN_KEY, VALIDATE_CONSTRAINT, SEQUENCE_OWNERSHIP,
        CREATE_VIEW, CREATE_SQL_FUNCTION, CREATE_TRIGGER, CREATE_POLICY, COMMENT, PRIVILEGES, OWNER, DROP_COLUMN, DROP_TABLE, DROP_SEQUENCE,
        DROP_FUNCTION, DROP_TYPE, DROP_EXTENSION, DROP_SCHEMA
    }
}
