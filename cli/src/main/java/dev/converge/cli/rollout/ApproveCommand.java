package dev.converge.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code converge approve --rollout <id> --stage prod [--comment …] [--reject]}. */
@Command(name = "approve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Approve (or with --reject, reject) a stage of a rollout that awaits approval.")
public final class ApproveCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rollout", required = true, paramLabel = "ID", description = "rollout id")
    String rollout;

    @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "environments/<env> or <env>")
    String stage;

    @Option(names = "--comment", description = "why, for the audit trail")
    String comment;

    @Option(names = "--reject", description = "reject instead of approve (cancels the rollout)")
    boolean reject;

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Override
    public Integer call() {
        String env = stage.startsWith("environments/") ? stage.substring("environments/".length()) : stage;
        Map<String, Object> body = new HashMap<>();
        if (comment != null) {
            body.put("comment", comment);
        }
        String verb = reject ? "reject" : "approve";
        try {
            JsonNode r = service.rollouts(spec.commandLine()).post("v1/rollouts/" + ServiceClient.seg(rollout) + "/stages/"
                    + ServiceClient.seg(env) + ":" + verb, body, Map.of());
            spec.commandLine().getOut().print(StageTable.text(r));
            return 0;
        } catch (ServiceClient.CallFailed e) {
            spec.commandLine().getErr().println("converge " + verb + ": " + e.getMessage());
            return 1;
        }
    }
}
