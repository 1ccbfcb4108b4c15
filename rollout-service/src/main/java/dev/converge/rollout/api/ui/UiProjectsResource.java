package dev.converge.rollout.api.ui;

import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.Environment;
import dev.converge.common.config.Project;
import dev.converge.common.config.TargetRef;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/ui/projects}: the configured projects with their environments in rollout order, for the
 * dashboard's home page. Target names only: instance hosts and credentials never leave the service.
 */
@Path("/v1/ui/projects")
public class UiProjectsResource {

    public record EnvironmentView(String name, String policy, String approverRole, List<String> targets) {
    }

    public record ProjectView(String name, List<EnvironmentView> environments) {
    }

    @Inject
    UiDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ProjectView> projects(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        directory.authenticate(authorization);
        ConvergeConfig config = directory.config();
        List<ProjectView> out = new ArrayList<>();
        for (Project project : config.projects().values()) {
            List<EnvironmentView> envs = new ArrayList<>();
            for (Environment env : config.environments()) {
                List<TargetRef> targets = project.targets().get(env.name());
                if (targets == null || targets.isEmpty()) {
                    continue;
                }
                envs.add(new EnvironmentView(env.name(), env.policy().kind().name(), env.policy().approverRole(),
                        targets.stream().map(TargetRef::toString).toList()));
            }
            out.add(new ProjectView(project.name(), envs));
        }
        return out;
    }
}
