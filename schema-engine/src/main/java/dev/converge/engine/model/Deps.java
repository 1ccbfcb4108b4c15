package dev.converge.engine.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The handling of the {@code deps} lists (ids from pg_depend) that most model records carry. */
final class Deps {
    private Deps() {
    }

    /**
     * Sorted and without repeats: pg_depend's order and duplicates carry no meaning, and the list is part of the
     * record's equality and of its hash text.
     */
    static List<String> normalized(List<String> deps) {
        return deps.stream().sorted().distinct().toList();
    }

    /** {@code deps} plus the one object the record always needs (its schema, or the relation it sits on). */
    static Set<String> plus(List<String> deps, String always) {
        Set<String> d = new HashSet<>(deps);
        d.add(always);
        return d;
    }
}
