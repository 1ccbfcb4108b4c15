package dev.converge.rollout.ui;

import dev.converge.common.Hashing;
import dev.converge.devstack.kafka.KafkaTestResource;
import dev.converge.devstack.postgres.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** What rollout-service serves for the dashboard: the static page, its configuration, who-am-I and projects. */
@QuarkusTest
@TestProfile(DashboardResourcesTest.Profile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "db-prefix", value = "db_dash_"))
class DashboardResourcesTest {
    static final String APPROVER = "approver-token-1";
    static final String VIEWER = "viewer-token-1";
    static final String ADMIN = "admin-token-1";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> p = new HashMap<>();
            p.put("converge.instances.demo.host", "127.0.0.1");
            p.put("converge.instances.demo.password", "never-shown");
            p.put("converge.environments.test.policy", "automatic");
            p.put("converge.environments.prod.after", "test");
            p.put("converge.environments.prod.policy", "approval");
            p.put("converge.environments.prod.approver-role", "approver");
            p.put("converge.projects.hr.environments.test.targets", "demo/hr_test");
            p.put("converge.projects.hr.environments.prod.targets", "demo/hr_prod");
            p.put("converge.auth.accounts.alice.token-sha256", Hashing.sha256Hex(APPROVER));
            p.put("converge.auth.accounts.alice.roles", "approver,viewer");
            p.put("converge.auth.accounts.victor.token-sha256", Hashing.sha256Hex(VIEWER));
            p.put("converge.auth.accounts.victor.roles", "viewer");
            p.put("converge.auth.accounts.root.token-sha256", Hashing.sha256Hex(ADMIN));
            p.put("converge.auth.accounts.root.roles", "admin");
            p.put("converge.ui.ingest-url", "http://ingest.example:8081");
            return p;
        }
    }

    @Test
    void servesTheDashboardAtTheRoot() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("js/app.js"));
        given().get("/js/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/css/app.css").then().statusCode(200);
    }

    @Test
    void configTellsTheBrowserWhereIngestIsWithoutSigningIn() {
        given().get("/ui/config.json").then().statusCode(200)
                .body("ingestUrl", is("http://ingest.example:8081"))
                .body("rolloutUrl", is(""));
    }

    @Test
    void meNeedsAKnownBearerToken() {
        given().get("/v1/me").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer nope").get("/v1/me").then().statusCode(401);
    }

    @Test
    void meListsTheEnvironmentsTheAccountMayApprove() {
        given().header("Authorization", "Bearer " + APPROVER).get("/v1/me").then().statusCode(200)
                .body("principal", is("alice"))
                .body("roles", contains("approver", "viewer"))
                .body("approverFor", contains("prod"));
        given().header("Authorization", "Bearer " + VIEWER).get("/v1/me").then().statusCode(200)
                .body("principal", is("victor"))
                .body("approverFor", empty());
        given().header("Authorization", "Bearer " + ADMIN).get("/v1/me").then().statusCode(200)
                .body("approverFor", contains("prod"));
    }

    @Test
    void projectsListEnvironmentsInRolloutOrderWithoutInstanceDetails() {
        given().get("/v1/ui/projects").then().statusCode(401);
        given().header("Authorization", "Bearer " + VIEWER).get("/v1/ui/projects").then().statusCode(200)
                .body("name", hasItem("hr"))
                .body("find { it.name == 'hr' }.environments.name", contains("test", "prod"))
                .body("find { it.name == 'hr' }.environments.policy", contains("AUTOMATIC", "APPROVAL"))
                .body("find { it.name == 'hr' }.environments[1].approverRole", is("approver"))
                .body("find { it.name == 'hr' }.environments[0].targets", contains("demo/hr_test"))
                .body(not(containsString("never-shown")))
                .body(not(containsString("127.0.0.1")));
    }
}
