package dev.converge.rollout.flow;

import dev.converge.common.Hashing;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real target databases and the configuration that names them: instance {@code local}; environments
 * {@code test} (automatic) then {@code prod} (approval by {@code approver}, submitter may not approve);
 * project {@code hr} (hr_test → hr_prod) and project {@code crm} (crm_a, crm_b → crm_p). Service accounts:
 * alice (submitter, approver), bob (approver), vic (viewer); token = name + "-token". Databases are dropped at
 * the end.
 */
public class TargetsTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    public static final List<String> DATABASES = List.of("hr_test", "hr_prod", "crm_a", "crm_b", "crm_p");

    /** Webhook deliveries for project crm: (signature header, body). */
    public static final List<String[]> WEBHOOK_CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();
    public static final String WEBHOOK_SECRET = "s3cret";

    private PostgresServer server;
    private com.sun.net.httpserver.HttpServer webhook;
    private final List<String> created = new ArrayList<>();

    /** The real database name of a logical target database. */
    public static String db(String logical) {
        return "ro_" + logical + "_" + RUN;
    }

    public static String target(String logical) {
        return "local/" + db(logical);
    }

    public static String token(String account) {
        return account + "-token";
    }

    @Override
    public Map<String, String> start() {
        server = PostgresFinder.find();
        for (String logical : DATABASES) {
            server.createDatabase(db(logical));
            created.add(db(logical));
        }
        Map<String, String> p = new HashMap<>();
        p.put("converge.instances.local.host", server.host());
        p.put("converge.instances.local.port", String.valueOf(server.port()));
        p.put("converge.instances.local.username", server.user());
        if (server.password() != null) {
            p.put("converge.instances.local.password", server.password());
        }
        p.put("converge.environments.test.policy", "automatic");
        p.put("converge.environments.prod.after", "test");
        p.put("converge.environments.prod.policy", "approval");
        p.put("converge.environments.prod.approver-role", "approver");
        p.put("converge.environments.prod.submitter-may-approve", "false");
        p.put("converge.projects.hr.environments.test.targets", target("hr_test"));
        p.put("converge.projects.hr.environments.prod.targets", target("hr_prod"));
        p.put("converge.projects.crm.environments.test.targets", target("crm_a") + "," + target("crm_b"));
        p.put("converge.projects.crm.environments.prod.targets", target("crm_p"));
        account(p, "alice", "submitter,approver");
        account(p, "bob", "approver");
        account(p, "vic", "viewer");
        p.put("converge.rollout.tick-ms", "200");
        try {
            webhook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        webhook.createContext("/hook", ex -> {
            WEBHOOK_CALLS.add(new String[]{ex.getRequestHeaders().getFirst("X-Converge-Signature"),
                    new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)});
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        webhook.start();
        p.put("converge.rollout.webhooks.crm.url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        p.put("converge.rollout.webhooks.crm.secret", WEBHOOK_SECRET);
        p.put("converge.rollout.lock-retry-backoff-ms", "100");
        return p;
    }

    private static void account(Map<String, String> p, String name, String roles) {
        p.put("converge.auth.accounts." + name + ".token-sha256", Hashing.sha256Hex(token(name)));
        p.put("converge.auth.accounts." + name + ".roles", roles);
    }

    @Override
    public void stop() {
        if (webhook != null) {
            webhook.stop(0);
        }
        if (server != null) {
            for (String name : created) {
                server.dropDatabase(name);
            }
        }
    }
}
