package dev.converge.rollout.execution;

import dev.converge.rollout.service.RolloutSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Optional per-project webhooks ({@code converge.rollout.webhooks.<project>.url/secret}): each status event of
 * the project is POSTed as JSON with {@code X-Converge-Signature: sha256=<hex HMAC-SHA256 of the body>} and
 * {@code X-Converge-Event-Id}, so the receiver can verify the sender and de-duplicate. Delivery is asynchronous
 * with a few retries; a receiver that is down does not hold up the rollout.
 */
@ApplicationScoped
public class Webhooks {
    private static final Logger LOG = Logger.getLogger(Webhooks.class);
    private static final int ATTEMPTS = 3;

    private final RolloutSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Webhooks(RolloutSettings settings) {
        this.settings = settings;
    }

    public void deliver(String project, String eventId, String body) {
        RolloutSettings.Webhook hook = project == null ? null : settings.webhooks().get(project);
        if (hook == null) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Converge-Event-Id", eventId)
                .header("X-Converge-Signature", "sha256=" + sign(hook.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        send(request, project, 1);
    }

    private void send(HttpRequest request, String project, int attempt) {
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            boolean ok = error == null && response.statusCode() / 100 == 2;
            if (!ok && attempt < ATTEMPTS) {
                CompletableFuture.delayedExecutor(attempt, java.util.concurrent.TimeUnit.SECONDS)
                        .execute(() -> send(request, project, attempt + 1));
            } else if (!ok) {
                LOG.warnf("webhook of project %s: gave up after %d attempts (%s)", project, ATTEMPTS,
                        error != null ? error.getMessage() : "HTTP " + response.statusCode());
            }
            return null;
        });
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
