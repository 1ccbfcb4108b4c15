package dev.converge.devstack.services;

import java.nio.file.Path;
import java.util.Map;

/** The four Converge services: their Maven module, default HTTP port and system-database schema. */
public enum ConvergeService {
    INGEST("ingest-service", 8081),
    DIFF("diff-service", 8082),
    REVIEW("review-service", 8083),
    ROLLOUT("rollout-service", 8084);

    private final String module;
    private final int defaultPort;

    ConvergeService(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The schema the service owns in the system database. */
    public String schema() {
        return module.substring(0, module.indexOf('-'));
    }

    /** The runnable jar the Quarkus build leaves in the module ({@code target/quarkus-app/quarkus-run.jar}). */
    public Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** This service as a process (not started yet) from its jar under {@code projectRoot}, named after its module. */
    public ServiceProcess process(Path projectRoot, int port, Map<String, String> properties, Path logFile) {
        return new ServiceProcess(module, jar(projectRoot), port, properties, logFile);
    }
}
