package dev.converge.rollout.ui;

import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaBroker;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.devstack.process.FreePorts;
import dev.converge.devstack.services.ServiceProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in Debian's Chromium against the real services: an in-process KRaft broker, the local
 * PostgreSQL, and ingest-, diff- and rollout-service each as its own JVM from its packaged quarkus-app. Nothing in
 * the browser is mocked. Stages are configured not to wait for reviews, so review-service is not needed.
 * Screenshots go to {@code target/screenshots/}.
 */
class DashboardBrowserIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SHOTS = TARGET.resolve("screenshots");
    private static final Path LOGS = TARGET.resolve("dashboard-it");
    private static final String CI_TOKEN = "ci-" + UUID.randomUUID();
    private static final String APPROVER_TOKEN = "approver-" + UUID.randomUUID();
    private static final String VIEWER_TOKEN = "viewer-" + UUID.randomUUID();
    private static final String PREFIX = "db_dash_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SYSTEM_DB = PREFIX + "_converge";
    private static final String TEST_DB = PREFIX + "_hr_test";
    private static final String PROD_DB = PREFIX + "_hr_prod";

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess ingest;
    private static ServiceProcess rollout;
    private static ChromeDriver browser;

    @BeforeAll
    static void startStack() throws IOException {
        // The other services run from their packaged quarkus-app; a full reactor build packages them before this
        // module's ITs. A build of this module alone has nothing to run them from.
        for (String module : List.of("ingest-service", "diff-service")) {
            Assumptions.assumeTrue(ServiceProcess.packaged(module), module + " is not packaged: run the reactor build "
                    + "(./mvnw verify) or ./mvnw -pl ingest-service,diff-service,rollout-service -am package first");
        }
        assertThat(Chromium.installed()).as("Debian's chromium and chromedriver (apt-get install -y chromium "
                + "chromium-driver) at %s and %s", Chromium.BROWSER, Chromium.DRIVER).isTrue();
        Files.createDirectories(LOGS);
        postgres = PostgresFinder.find();
        for (String db : List.of(SYSTEM_DB, TEST_DB, PROD_DB)) {
            postgres.createDatabase(db);
        }
        kafka = KafkaBroker.start();
        int rolloutPort = FreePorts.next();
        int ingestPort = FreePorts.next();
        Map<String, String> shared = sharedProperties();

        Map<String, String> ingestProps = new HashMap<>(shared);
        // The dashboard is served by rollout-service and calls ingest's submission API across origins.
        ingestProps.put("quarkus.http.cors.origins", "http://127.0.0.1:" + rolloutPort);
        ingest = start(new ServiceProcess("ingest-service", ingestPort, ingestProps, LOGS));
        start(new ServiceProcess("diff-service", FreePorts.next(), shared, LOGS));
        Map<String, String> rolloutProps = new HashMap<>(shared);
        rolloutProps.put("converge.ui.ingest-url", ingest.url());
        rollout = start(new ServiceProcess("rollout-service", rolloutPort, rolloutProps, LOGS));

        browser = Chromium.start(TARGET);
    }

    private static ServiceProcess start(ServiceProcess service) {
        services.add(service);
        return service.start();
    }

    private static Map<String, String> sharedProperties() {
        return ServiceProperties.of(kafka.bootstrapServers(), postgres, SYSTEM_DB)
                .instance("local", postgres)
                .testThenProdByApproval()
                .set("converge.environments.prod.approver-role", "approver")
                .set("converge.environments.prod.submitter-may-approve", "false")
                .set("converge.projects.hr.environments.test.targets", "local/" + TEST_DB)
                .set("converge.projects.hr.environments.prod.targets", "local/" + PROD_DB)
                // This test is about the dashboard, not the review: stages do not wait for review-service.
                .set("converge.rollout.environments.test.block-on", "NEVER")
                .set("converge.rollout.environments.prod.block-on", "NEVER")
                .account("ci", CI_TOKEN, "submitter,viewer")
                .account("alice", APPROVER_TOKEN, "approver,viewer")
                .account("victor", VIEWER_TOKEN, "viewer")
                .toMap();
    }

    @AfterAll
    static void stopStack() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            services.forEach(ServiceProcess::close);
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                for (String db : List.of(SYSTEM_DB, TEST_DB, PROD_DB)) {
                    postgres.dropDatabase(db);
                }
                postgres.close();
            }
        }
    }

    @Test
    void approverWatchesTestGoGreenLiveViewerCannotApproveAndApprovalWorksAfterAServerRestart() throws Exception {
        step("signed in as approver");
        signIn(APPROVER_TOKEN);
        click(By.cssSelector("[data-project='hr']"));
        await(By.cssSelector("#rollouts [data-state='empty']"));
        markDocument();

        step("submitting a rollout");
        String submissionId = submitRollout();
        // The rollout row appears on the project page by itself, from the event stream.
        click(By.cssSelector("#rollouts [data-rollout] a"), Duration.ofSeconds(60));

        step("on the rollout page, watching the test stage");
        List<String> testStatuses = watchStage("test", "SUCCEEDED", Duration.ofSeconds(120));
        assertThat(testStatuses).as("statuses of the test stage as the page showed them").last().isEqualTo("SUCCEEDED");
        assertThat(testStatuses).as("the page showed the test stage before it was green").hasSizeGreaterThan(1);
        await(By.cssSelector("[data-stage='prod'][data-status='AWAITING_APPROVAL'] button[data-action='approve']"));
        assertSameDocument();
        String rolloutUrl = browser.getCurrentUrl();
        Chromium.screenshot(browser, SHOTS.resolve("rollout-awaiting-approval.png"));

        step("prod awaits approval");
        // A viewer sees the stage waiting, but no Approve / Reject.
        signOut();
        signIn(VIEWER_TOKEN);
        browser.get(rolloutUrl);
        await(By.cssSelector("[data-stage='prod'][data-status='AWAITING_APPROVAL'] [data-hint='needs-approver']"));
        assertThat(browser.findElements(By.cssSelector("button[data-action]"))).isEmpty();
        signOut();

        signIn(APPROVER_TOKEN);
        browser.get(rolloutUrl);
        await(By.cssSelector("[data-stage='prod'] button[data-action='approve']"));
        markDocument();

        step("restarting rollout-service");
        // Restart rollout-service under the open page: the stream drops, reconnects, and the page keeps working.
        rollout.stop();
        await(By.cssSelector("#live[data-state='reconnecting']"));
        rollout.start();
        await(By.cssSelector("#live[data-state='open']"), Duration.ofSeconds(60));

        step("stream reconnected; approving prod");
        act(By.cssSelector("[data-comment='prod']"), Duration.ofSeconds(20), e -> e.sendKeys("ship it"));
        click(By.cssSelector("[data-stage='prod'] button[data-action='approve']"));
        watchStage("prod", "SUCCEEDED", Duration.ofSeconds(120));
        await(By.cssSelector("#rollout-status[data-status='SUCCEEDED']"), Duration.ofSeconds(30));
        assertSameDocument();
        String audit = new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("audit")).getText());
        assertThat(audit).contains("alice").containsIgnoringCase("approve").contains("ship it");
        Chromium.screenshot(browser, SHOTS.resolve("rollout-succeeded.png"));

        step("rollout succeeded; opening the submission");
        click(By.id("submission-link"));
        WebElement sql = await(By.cssSelector("[data-target] .stmt pre.sql"));
        assertThat(sql.findElements(By.cssSelector(".kw"))).as("highlighted keywords").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-target]")).getText()).contains("CREATE TABLE");
        assertThat(browser.getCurrentUrl()).contains(submissionId);
        Chromium.screenshot(browser, SHOTS.resolve("submission.png"));
        assertThat(SHOTS.resolve("submission.png")).isNotEmptyFile();
    }

    private static void step(String what) {
        System.out.printf("[dashboard-it %tT] %s%n", System.currentTimeMillis(), what);
    }

    private void signIn(String token) {
        browser.get(rollout.url() + "/#/signin");
        WebElement input = await(By.id("token"));
        input.sendKeys(token);
        browser.findElement(By.id("signin")).click();
        await(By.id("signout"));
    }

    private void signOut() {
        browser.findElement(By.id("signout")).click();
        await(By.id("token"));
    }

    /** A marker that a page reload would wipe out. */
    private void markDocument() {
        browser.executeScript("window.__sameDocument = 'yes'");
    }

    private void assertSameDocument() {
        assertThat(browser.executeScript("return window.__sameDocument")).as("the page was not reloaded").isEqualTo("yes");
    }

    /** Polls the stage's status as rendered until it reaches {@code wanted}; returns the distinct statuses seen. */
    private List<String> watchStage(String stage, String wanted, Duration timeout) {
        Set<String> seen = new LinkedHashSet<>();
        // Read in one script call: the page re-renders on every event, so element handles go stale quickly.
        String script = "const s = document.querySelector(\"[data-stage='" + stage + "']\"); return s ? s.dataset.status : null;";
        new WebDriverWait(browser, timeout, Duration.ofMillis(100)).until(d -> {
            Object status = browser.executeScript(script);
            if (status == null) {
                return false;
            }
            seen.add(status.toString());
            return wanted.equals(status);
        });
        return new ArrayList<>(seen);
    }

    private WebElement await(By by) {
        return await(by, Duration.ofSeconds(20));
    }

    private void click(By by) {
        click(by, Duration.ofSeconds(20));
    }

    private void click(By by, Duration timeout) {
        act(by, timeout, WebElement::click);
    }

    /**
     * Finds the element and acts on it, again if the page re-rendered it in between: status events keep arriving
     * after the one a step waited for (a finished rollout still gets its last stage and audit events), and each
     * re-render replaces the element a plain find-then-click would hold (StaleElementReferenceException).
     */
    private void act(By by, Duration timeout, Consumer<WebElement> action) {
        new WebDriverWait(browser, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> by + " could not be used; page text:\n" + browser.findElement(By.tagName("body")).getText())
                .until(d -> {
                    WebElement element = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
                    if (element == null) {
                        return false;
                    }
                    action.accept(element);
                    return true;
                });
    }

    private WebElement await(By by, Duration timeout) {
        return new WebDriverWait(browser, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> by + " did not appear; page text:\n" + browser.findElement(By.tagName("body")).getText())
                .until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private String submitRollout() throws IOException, InterruptedException {
        Map<String, Object> body = Map.of(
                "mode", "ROLLOUT",
                "files", List.of(Map.of("path", "schemas/hr.sql", "content", """
                        CREATE TABLE employees (
                            id bigint PRIMARY KEY,
                            name text NOT NULL,
                            email text
                        );
                        CREATE INDEX employees_email_idx ON employees (email);
                        """)),
                "vcs", Map.of("repository", "acme/hr-schema", "pullRequest", 7, "commit", "0123456789abcdef",
                        "author", "dana"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(ingest.url() + "/v1/projects/hr/submissions"))
                .header("Authorization", "Bearer " + CI_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.encode(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("submit answered %s", r.body()).isEqualTo(202);
        return (String) Json.decode(r.body(), Map.class).get("id");
    }
}
