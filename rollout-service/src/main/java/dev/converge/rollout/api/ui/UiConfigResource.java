package dev.converge.rollout.api.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * Where the dashboard finds the other services. Public on purpose: the page needs it before anyone signs in, and
 * it holds nothing but base URLs. The submission API lives in ingest-service on its own origin, so ingest must
 * allow the dashboard's origin through CORS ({@code quarkus.http.cors.*} in ingest's configuration).
 */
@Path("/ui/config.json")
public class UiConfigResource {

    @ConfigProperty(name = "converge.ui.ingest-url", defaultValue = "http://localhost:8081")
    String ingestUrl;

    /** Empty means "the origin that served the dashboard", which is rollout-service itself. */
    @ConfigProperty(name = "converge.ui.rollout-url")
    Optional<String> rolloutUrl;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> config() {
        return Map.of("ingestUrl", ingestUrl.trim(), "rolloutUrl", rolloutUrl.map(String::trim).orElse(""));
    }
}
