package dev.converge.engine.plan;

/** One risk of a statement, with a sentence naming the object concerned. */
public record Hazard(HazardKind kind, String message) {

    public dev.converge.common.events.Hazard toEvent() {
        return new dev.converge.common.events.Hazard(kind.name(), message);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
