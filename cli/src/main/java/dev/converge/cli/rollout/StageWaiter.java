package dev.converge.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Polls a rollout until one stage ends, printing each change of state on stderr. */
final class StageWaiter {
    private final ServiceClient rollouts;
    private final PrintWriter err;
    private final Duration poll;

    StageWaiter(ServiceClient rollouts, PrintWriter err, Duration poll) {
        this.rollouts = rollouts;
        this.err = err;
        this.poll = poll;
    }

    /** 0 when the stage succeeded, 1 when it (or the rollout) ended otherwise or the time ran out. */
    int await(String rolloutId, String stage, Duration limit, Consumer<JsonNode> report) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String lastState = null;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode r;
            try {
                r = rollouts.find("v1/rollouts/" + ServiceClient.seg(rolloutId));
            } catch (ServiceClient.CallFailed e) {
                if (e.status != 0) {
                    err.println("converge rollout: " + e.getMessage());
                    return 1;
                }
                err.println("converge rollout: " + e.getMessage() + "; retrying");
                Thread.sleep(poll.toMillis());
                continue;
            }
            if (r == null) {
                lastState = progress(lastState, "waiting for rollout " + rolloutId + " to be created");
                Thread.sleep(poll.toMillis());
                continue;
            }
            last = r;
            JsonNode s = stage(r, stage);
            if (s == null) {
                List<String> names = new ArrayList<>();
                r.path("stages").forEach(x -> names.add(x.path("name").asText()));
                err.println("converge rollout: rollout " + rolloutId + " has no stage '" + stage + "' (stages: " + names + ")");
                return 1;
            }
            String rolloutStatus = r.path("status").asText();
            String stageStatus = s.path("status").asText();
            lastState = progress(lastState, "rollout " + rolloutStatus + ", stage " + stage + " " + stageStatus
                    + tasks(s));
            if ("SUCCEEDED".equals(stageStatus)) {
                report.accept(r);
                return 0;
            }
            if (RolloutCommand.STAGE_FAILED.contains(stageStatus) || RolloutCommand.ROLLOUT_FAILED.contains(rolloutStatus)) {
                report.accept(r);
                err.println("converge rollout: stage " + stage + " did not succeed: " + s.path("message").asText(
                        r.path("message").asText("")));
                return 1;
            }
            Thread.sleep(poll.toMillis());
        }
        if (last != null) {
            report.accept(last);
        }
        err.println("converge rollout: timed out after " + limit.toSeconds() + " s waiting for stage " + stage
                + " of rollout " + rolloutId);
        return 1;
    }

    private String progress(String previous, String now) {
        if (!now.equals(previous)) {
            err.println("converge rollout: " + now);
            err.flush();
        }
        return now;
    }

    private static JsonNode stage(JsonNode rollout, String name) {
        for (JsonNode s : rollout.path("stages")) {
            if (name.equals(s.path("name").asText())) {
                return s;
            }
        }
        return null;
    }

    private static String tasks(JsonNode stage) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode t : stage.path("tasks")) {
            sb.append(sb.length() == 0 ? " [" : ", ").append(t.path("target").asText()).append(' ')
                    .append(t.path("status").asText());
        }
        return sb.length() == 0 ? "" : sb.append(']').toString();
    }
}
