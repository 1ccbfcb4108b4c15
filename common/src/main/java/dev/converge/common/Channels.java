package dev.converge.common;

/**
 * SmallRye Reactive Messaging channel names. A channel is bound to its topic in each service's
 * application.properties ({@code mp.messaging.incoming.<channel>.topic=<Topics.X>}); tests reuse these constants.
 */
public final class Channels {
    public static final String SUBMISSIONS_OUT = "submissions-out";
    public static final String SUBMISSIONS_IN = "submissions-in";
    public static final String PLANS_OUT = "plans-out";
    public static final String PLANS_IN = "plans-in";
    public static final String REVIEWS_OUT = "reviews-out";
    public static final String REVIEWS_IN = "reviews-in";
    public static final String STATUS_OUT = "status-out";
    public static final String STATUS_IN = "status-in";

    private Channels() {
    }
}
