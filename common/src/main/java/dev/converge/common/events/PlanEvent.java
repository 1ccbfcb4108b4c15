package dev.converge.common.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Topic {@code converge.plans.v1}, key = target: either a computed plan or a failure for one target. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PlanComputed.class, name = "PlanComputed"),
        @JsonSubTypes.Type(value = PlanFailed.class, name = "PlanFailed")})
public sealed interface PlanEvent extends Event permits PlanComputed, PlanFailed {
    String submissionId();

    String project();

    String target();

    String environment();

    Mode mode();

    @Override
    default String key() {
        return target();
    }
}
