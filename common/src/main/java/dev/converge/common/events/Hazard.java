package dev.converge.common.events;

/** A risk a planned statement carries, e.g. {@code DELETES_DATA}, with a sentence saying what exactly. */
public record Hazard(String code, String message) {
}
