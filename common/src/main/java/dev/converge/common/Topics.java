package dev.converge.common;

/** Kafka topic names. Every topic name carries a version; a breaking change gets a new topic. */
public final class Topics {
    public static final String SUBMISSIONS = "converge.submissions.v1";
    public static final String PLANS = "converge.plans.v1";
    public static final String REVIEWS = "converge.reviews.v1";
    public static final String STATUS = "converge.status.v1";

    /** All topics, in flow order; devstack creates exactly these. */
    public static final java.util.List<String> ALL = java.util.List.of(SUBMISSIONS, PLANS, REVIEWS, STATUS);

    private Topics() {
    }
}
