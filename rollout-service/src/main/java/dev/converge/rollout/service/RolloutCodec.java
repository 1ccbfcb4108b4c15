package dev.converge.rollout.service;

import dev.converge.common.json.Json;

/** Stores a rollout as one JSON document (the aggregate is always loaded and saved whole). */
public final class RolloutCodec {
    private RolloutCodec() {
    }

    public static String encode(Rollout rollout) {
        return Json.encode(rollout);
    }

    public static Rollout decode(String json) {
        return Json.decode(json, Rollout.class);
    }
}
