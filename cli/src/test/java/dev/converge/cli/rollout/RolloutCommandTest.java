package dev.converge.cli.rollout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.converge.cli.ConvergeCli;
import dev.converge.common.events.EventIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code converge rollout/approve/status} against a local HTTP stub of ingest- and rollout-service. */
class RolloutCommandTest {
    static final String SUBMISSION = "11111111-2222-3333-4444-555555555555";
    static final String ROLLOUT = EventIds.rolloutOf(SUBMISSION);

    HttpServer server;
    String base;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> bodies = new HashMap<>();
    /** Successive answers to GET /v1/rollouts/{id}: status code and body. */
    final ConcurrentLinkedQueue<Object[]> rolloutAnswers = new ConcurrentLinkedQueue<>();
    Object[] lastAnswer = {404, "{\"code\":\"NOT_FOUND\",\"message\":\"no rollout\"}"};
    final Map<String, String> env = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        env.put("CONVERGE_TOKEN", "t0ken");
        ServiceOptions.env = env::get;
        RolloutCommand.workDir = dir;
        RolloutCommand.poll = Duration.ofMillis(20);
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/hr.sql"), "CREATE TABLE employee (id bigint PRIMARY KEY);");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ServiceOptions.env = System::getenv;
        RolloutCommand.workDir = Path.of("");
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(ex.getRequestMethod() + " " + path + " " + ex.getRequestHeaders().getFirst("Authorization"));
        bodies.put(path, body);
        int code;
        String answer;
        if (path.equals("/v1/projects/hr/submissions")) {
            code = 202;
            answer = "{\"id\":\"" + SUBMISSION + "\",\"url\":\"/v1/submissions/" + SUBMISSION + "\"}";
        } else if (path.equals("/v1/rollouts/" + ROLLOUT + "/stages/prod:approve")) {
            code = 403;
            answer = "{\"code\":\"FORBIDDEN\",\"message\":\"alice submitted rollout x and may not approve its own prod stage\"}";
        } else if (path.equals("/v1/rollouts/" + ROLLOUT)) {
            Object[] next = rolloutAnswers.poll();
            if (next != null) {
                lastAnswer = next;
            }
            code = (Integer) lastAnswer[0];
            answer = (String) lastAnswer[1];
        } else {
            code = 404;
            answer = "{\"code\":\"NOT_FOUND\",\"message\":\"no such path\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static String rollout(String status, String testStage, String testTask, String prodStage) {
        return """
                {"id":"%s","project":"hr","status":"%s","message":"m","stages":[
                 {"name":"test","status":"%s","needsApproval":false,"tasks":[
                   {"id":"test-1","target":"demo/hr_test","status":"%s","message":"task says %s"}]},
                 {"name":"prod","status":"%s","needsApproval":true,"approverRole":"approver","tasks":[
                   {"id":"prod-1","target":"demo/hr_prod","status":"PENDING"}]}]}
                """.formatted(ROLLOUT, status, testStage, testTask, testTask, prodStage);
    }

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConvergeCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void withoutTargetStageSubmitsARolloutAndPrintsItsId() {
        Run r = run("rollout", "--url", base, "--rollout-url", base, "--project", "hr", "--targets", "demo/hr_test");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(ROLLOUT);
        assertThat(requests).containsExactly("POST /v1/projects/hr/submissions Bearer t0ken");
        assertThat(bodies.get("/v1/projects/hr/submissions")).contains("\"mode\":\"ROLLOUT\"")
                .contains("\"path\":\"schemas/hr.sql\"").contains("\"targets\":[\"demo/hr_test\"]");
    }

    @Test
    void waitsForTheTargetStageAndWritesTheStepSummary() throws IOException {
        Path summary = dir.resolve("summary.md");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        rolloutAnswers.add(new Object[]{404, "{\"code\":\"NOT_FOUND\",\"message\":\"no rollout\"}"});
        rolloutAnswers.add(new Object[]{200, rollout("WAITING_FOR_PLANS", "PENDING", "PENDING", "PENDING")});
        rolloutAnswers.add(new Object[]{200, rollout("IN_PROGRESS", "IN_PROGRESS", "RUNNING", "PENDING")});
        rolloutAnswers.add(new Object[]{200, rollout("AWAITING_APPROVAL", "SUCCEEDED", "SUCCEEDED", "AWAITING_APPROVAL")});

        Run r = run("rollout", "--url", base, "--rollout-url", base, "--project", "hr",
                "--target-stage", "environments/test", "--output", dir.resolve("rollout.json").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("waiting for rollout " + ROLLOUT + " to be created")
                .contains("stage test IN_PROGRESS [demo/hr_test RUNNING]")
                .contains("stage test SUCCEEDED");
        assertThat(r.out()).contains("stage test").contains("demo/hr_test").contains("SUCCEEDED");
        assertThat(Files.readString(summary)).contains("| test | SUCCEEDED | `demo/hr_test` | SUCCEEDED |")
                .contains("| prod | AWAITING_APPROVAL | `demo/hr_prod` | PENDING |");
        assertThat(Files.readString(dir.resolve("rollout.json"))).contains(ROLLOUT);
    }

    @Test
    void failsWhenATaskOfTheTargetStageDrifted() {
        rolloutAnswers.add(new Object[]{200, rollout("FAILED", "FAILED", "DRIFTED", "CANCELED")});

        Run r = run("rollout", "--rollout-url", base, "--plan", ROLLOUT, "--target-stage", "test");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("DRIFTED").contains("task says DRIFTED");
        assertThat(r.err()).contains("stage test did not succeed");
        assertThat(requests).noneMatch(q -> q.contains("/submissions"));
    }

    @Test
    void namesTheStagesWhenTheTargetStageDoesNotExist() {
        rolloutAnswers.add(new Object[]{200, rollout("IN_PROGRESS", "IN_PROGRESS", "RUNNING", "PENDING")});

        Run r = run("rollout", "--rollout-url", base, "--plan", ROLLOUT, "--target-stage", "staging");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("has no stage 'staging' (stages: [test, prod])");
    }

    @Test
    void approveReportsARefusalInOneLine() {
        Run r = run("approve", "--rollout-url", base, "--rollout", ROLLOUT, "--stage", "environments/prod",
                "--comment", "self");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("converge approve: POST /v1/rollouts/" + ROLLOUT + "/stages/prod:approve answered 403")
                .contains("may not approve its own prod stage").doesNotContain("\n");
        assertThat(bodies.get("/v1/rollouts/" + ROLLOUT + "/stages/prod:approve")).isEqualTo("{\"comment\":\"self\"}");
    }

    @Test
    void statusPrintsTheStageTable() {
        rolloutAnswers.add(new Object[]{200, rollout("AWAITING_APPROVAL", "SUCCEEDED", "SUCCEEDED", "AWAITING_APPROVAL")});

        Run r = run("status", "--rollout-url", base, ROLLOUT);

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("rollout " + ROLLOUT + " (project hr): AWAITING_APPROVAL")
                .contains("approval by role 'approver'");
    }

    @Test
    void aMissingTokenIsAOneLineError() {
        env.remove("CONVERGE_TOKEN");
        Run r = run("status", "--rollout-url", base, ROLLOUT);
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("no API token: pass --token or set CONVERGE_TOKEN");
        assertThat(new ArrayList<>(requests)).isEmpty();
    }
}
