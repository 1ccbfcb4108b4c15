package dev.converge.cli.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code converge status <rollout id> [--json]}: the rollout's stages and tasks. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a rollout's stages and tasks.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ROLLOUT_ID")
    String rollout;

    @Option(names = "--json", description = "print the rollout as JSON")
    boolean json;

    @Mixin
    ServiceOptions service = new ServiceOptions();

    @Override
    public Integer call() throws Exception {
        try {
            JsonNode r = service.rollouts(spec.commandLine()).get("v1/rollouts/" + ServiceClient.seg(rollout));
            spec.commandLine().getOut().print(json
                    ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n" : StageTable.text(r));
            return 0;
        } catch (ServiceClient.CallFailed e) {
            spec.commandLine().getErr().println("converge status: " + e.getMessage());
            return 1;
        }
    }
}
