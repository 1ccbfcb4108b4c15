package dev.converge.rollout.api;

import dev.converge.rollout.service.RolloutException;

import java.util.List;

/** A path segment of the form {@code subject:verb} (for example {@code prod:approve}). */
record CustomMethod(String subject, String verb) {

    static CustomMethod parse(String segment, String... verbs) {
        int colon = segment.lastIndexOf(':');
        String verb = colon < 0 ? "" : segment.substring(colon + 1);
        if (colon <= 0 || !List.of(verbs).contains(verb)) {
            throw new RolloutException(RolloutException.Kind.NOT_FOUND, "'" + segment + "' is not one of "
                    + List.of(verbs).stream().map(v -> "<name>:" + v).toList());
        }
        return new CustomMethod(segment.substring(0, colon), verb);
    }
}
