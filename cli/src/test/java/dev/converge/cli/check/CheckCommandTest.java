package dev.converge.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.common.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.converge.cli.ConvergeCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    private static final String TOKEN = "ci-token";

    @TempDir
    Path repo;

    private static final String PLAN_TEST = """
            {"target":"demo/hr_test","environment":"test","status":"REVIEWED",
             "plan":{"baseHash":"b1","desiredHash":"d1","planHash":"p1","empty":false,
               "statements":[
                 {"index":0,"sql":"CREATE TABLE public.departments (\\n    id bigint NOT NULL\\n)","hazards":[],"transactional":true,"lockTimeoutMs":3000,"statementTimeoutMs":0},
                 {"index":1,"sql":"CREATE INDEX CONCURRENTLY employees_dept_idx ON public.employees (dept_id)","hazards":[{"code":"INDEX_BUILD","message":"builds an index on public.employees"}],"transactional":false,"lockTimeoutMs":3000,"statementTimeoutMs":0}],
               "summary":["create table public.departments","create index public.employees_dept_idx"]},
             "review":{"status":"COMPLETED","verdict":"WARN","findings":[
               {"ruleId":"index-naming","severity":"WARNING","statementIndex":1,"message":"index name should end in _ix","source":"RULE","location":{"file":"schemas/hr.sql","line":7,"column":1}}],"notices":[]},
             "errors":[]}""";
    private static final String PLAN_PROD_FAILED = """
            {"target":"demo/hr_prod","environment":"prod","status":"PLAN_FAILED","plan":null,"review":null,
             "errors":[{"code":"TARGET_UNREACHABLE","message":"cannot connect to demo/hr_prod at 127.0.0.1:1: Connection refused"}]}""";
    private static final String PLAN_PROD_OK = """
            {"target":"demo/hr_prod","environment":"prod","status":"REVIEWED",
             "plan":{"baseHash":"b2","desiredHash":"d1","planHash":"p2","empty":true,"statements":[],"summary":[]},
             "review":{"status":"COMPLETED","verdict":"PASS","findings":[],"notices":[]},"errors":[]}""";

    private static String submission(String status, String... targets) {
        return "{\"id\":\"s-1\",\"url\":\"/v1/submissions/s-1\",\"project\":\"hr\",\"mode\":\"CHECK\",\"status\":\"" + status
                + "\",\"targets\":[" + String.join(",", targets) + "]}";
    }

    /** An ingest stub that accepts the submission and then answers each GET with the next of {@code states}. */
    private static StubServer ingest(String... states) throws IOException {
        AtomicInteger polls = new AtomicInteger();
        return new StubServer(r -> {
            if (!("Bearer " + TOKEN).equals(r.authorization())) {
                return new StubServer.Reply(401, "{\"code\":\"UNAUTHENTICATED\",\"message\":\"bad token\"}");
            }
            if (r.method().equals("POST") && r.path().equals("/v1/projects/hr/submissions")) {
                return new StubServer.Reply(202, "{\"id\":\"s-1\",\"url\":\"/v1/submissions/s-1\"}");
            }
            if (r.method().equals("GET") && r.path().equals("/v1/submissions/s-1")) {
                return new StubServer.Reply(200, states[Math.min(polls.getAndIncrement(), states.length - 1)]);
            }
            return new StubServer.Reply(404, "{\"code\":\"NOT_FOUND\",\"message\":\"no such resource\"}");
        });
    }

    private record Run(int exit, String out, String err) {
    }

    private Run check(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        all.add("--poll-interval=10ms");
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == CheckCommand.class ? type.cast(new CheckCommand(env, repo)) : CommandLine.defaultFactory().create(type);
            }
        };
        int exit = ConvergeCli.run(new PrintWriter(out, true), new PrintWriter(err, true), factory, all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private void writeSchema() throws IOException {
        Files.createDirectories(repo.resolve("schemas/sub"));
        Files.writeString(repo.resolve("schemas/hr.sql"), "CREATE TABLE public.employees (id bigint PRIMARY KEY, dept_id bigint);\n");
        Files.writeString(repo.resolve("schemas/sub/departments.sql"), "CREATE TABLE public.departments (id bigint NOT NULL);\n");
    }

    @Test
    void printsTheSqlOfEveryTargetWithHazardsAndFindingsAndPassesBelowTheThreshold() throws IOException {
        writeSchema();
        try (StubServer ingest = ingest(submission("PLANNING", PLAN_TEST.replace("\"REVIEWED\"", "\"PLANNING\"")),
                submission("COMPLETED", PLAN_TEST, PLAN_PROD_OK))) {
            Run run = check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", ingest.url(), "--project", "hr");

            assertThat(run.exit()).as(run.err()).isEqualTo(0);
            assertThat(run.out()).contains("== demo/hr_test (test): 2 statements, review WARN")
                    .contains("CREATE TABLE public.departments (\n    id bigint NOT NULL\n);\n")
                    .contains("-- hazard: INDEX_BUILD: builds an index on public.employees\n"
                            + "CREATE INDEX CONCURRENTLY employees_dept_idx ON public.employees (dept_id);\n")
                    .contains("WARNING [index-naming] statement 2 at schemas/hr.sql:7:1: index name should end in _ix")
                    .contains("== demo/hr_prod (prod): 0 statements, review PASS")
                    .contains("-- no changes")
                    .contains("PASSED: 0 errors, 1 warning across 2 targets (--check-release FAIL_ON_ERROR)");
            assertThat(run.err()).contains("PLANNING").contains("COMPLETED");

            StubServer.Request post = ingest.requests("POST", "/v1/projects/hr/submissions").get(0);
            JsonNode body = Json.mapper().readTree(post.body());
            assertThat(body.get("mode").asText()).isEqualTo("CHECK");
            assertThat(body.get("files")).extracting(f -> f.get("path").asText())
                    .containsExactly("schemas/hr.sql", "schemas/sub/departments.sql");
            assertThat(body.has("targets")).isFalse();
            assertThat(post.idempotencyKey()).isNotBlank();
        }
    }

    @Test
    void failsOnWarningsWhenAskedTo() throws IOException {
        writeSchema();
        try (StubServer ingest = ingest(submission("COMPLETED", PLAN_TEST, PLAN_PROD_OK))) {
            assertThat(check(Map.of(), "--url", ingest.url(), "--project", "hr", "--token", TOKEN,
                    "--check-release", "FAIL_ON_WARNING").exit()).isEqualTo(1);
            assertThat(check(Map.of(), "--url", ingest.url(), "--project", "hr", "--token", TOKEN,
                    "--fail-on", "warning").exit()).isEqualTo(1);
            assertThat(check(Map.of(), "--url", ingest.url(), "--project", "hr", "--token", TOKEN,
                    "--fail-on", "error").exit()).isEqualTo(0);
        }
    }

    @Test
    void aTargetThatCouldNotBePlannedFailsTheCheckUnlessSkipped() throws IOException {
        writeSchema();
        try (StubServer ingest = ingest(submission("COMPLETED", PLAN_TEST, PLAN_PROD_FAILED))) {
            Run run = check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", ingest.url(), "--project", "hr",
                    "--targets", "demo/hr_test,instances/demo/databases/hr_prod");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("== demo/hr_prod (prod): planning failed")
                    .contains("ERROR TARGET_UNREACHABLE: cannot connect to demo/hr_prod")
                    .contains("CREATE INDEX CONCURRENTLY employees_dept_idx")
                    .contains("FAILED: 1 error, 1 warning");
            JsonNode body = Json.mapper().readTree(ingest.requests("POST", "/v1/").get(0).body());
            assertThat(body.get("targets")).extracting(JsonNode::asText)
                    .containsExactly("demo/hr_test", "instances/demo/databases/hr_prod");

            assertThat(check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", ingest.url(), "--project", "hr",
                    "--check-release", "SKIP").exit()).isEqualTo(0);
        }
    }

    @Test
    void writesTheFullResultAsJson() throws IOException {
        writeSchema();
        try (StubServer ingest = ingest(submission("COMPLETED", PLAN_TEST, PLAN_PROD_FAILED))) {
            check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", ingest.url(), "--project", "hr", "--output", "out/result.json");
            JsonNode doc = Json.mapper().readTree(repo.resolve("out/result.json").toFile());
            assertThat(doc.at("/result/passed").asBoolean()).isFalse();
            assertThat(doc.at("/result/errors").asInt()).isEqualTo(1);
            assertThat(doc.at("/submission/targets/0/plan/statements/1/hazards/0/code").asText()).isEqualTo("INDEX_BUILD");
        }
    }

    @Test
    void underGitLabCiWritesACodeQualityReportWithEveryFindingAndPlanningError() throws IOException {
        writeSchema();
        try (StubServer ingest = ingest(submission("COMPLETED", PLAN_TEST, PLAN_PROD_FAILED))) {
            Run run = check(Map.of("CONVERGE_TOKEN", TOKEN, "GITLAB_CI", "true"), "--url", ingest.url(), "--project", "hr");
            assertThat(run.exit()).isEqualTo(1);

            JsonNode report = Json.mapper().readTree(repo.resolve(GitLabCodeQuality.DEFAULT_FILE).toFile());
            assertThat(report).hasSize(2);
            JsonNode finding = report.get(0);
            assertThat(finding.get("check_name").asText()).isEqualTo("converge/index-naming");
            assertThat(finding.get("severity").asText()).isEqualTo("major");
            assertThat(finding.get("description").asText()).isEqualTo("demo/hr_test: index name should end in _ix");
            assertThat(finding.at("/location/path").asText()).isEqualTo("schemas/hr.sql");
            assertThat(finding.at("/location/lines/begin").asInt()).isEqualTo(7);
            JsonNode down = report.get(1);
            assertThat(down.get("severity").asText()).isEqualTo("blocker");
            assertThat(down.get("description").asText()).startsWith("demo/hr_prod: cannot connect to demo/hr_prod");
            assertThat(down.at("/location/path").asText()).as("no file: the first state file").isEqualTo("schemas/hr.sql");
            assertThat(down.at("/location/lines/begin").asInt()).isEqualTo(1);
            assertThat(finding.get("fingerprint").asText()).hasSize(64).isNotEqualTo(down.get("fingerprint").asText());

            check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", ingest.url(), "--project", "hr", "--code-quality", "again.json");
            JsonNode again = Json.mapper().readTree(repo.resolve("again.json").toFile());
            assertThat(again.get(0).get("fingerprint")).as("stable across runs").isEqualTo(finding.get("fingerprint"));
        }
    }

    @Test
    void writesNoCodeQualityReportOutsideGitLabUnlessAsked() throws IOException {
        writeSchema();
        try (StubServer ingest = ingest(submission("COMPLETED", PLAN_TEST, PLAN_PROD_OK))) {
            assertThat(check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", ingest.url(), "--project", "hr").exit()).isEqualTo(0);
            assertThat(repo.resolve(GitLabCodeQuality.DEFAULT_FILE)).doesNotExist();
        }
    }

    @Test
    void aRefusedSubmissionGoesIntoTheCodeQualityReportWithItsPlace() throws IOException {
        writeSchema();
        try (StubServer ingest = new StubServer(r -> new StubServer.Reply(422, """
                {"code":"STATE_FILE_INVALID","message":"schemas/hr.sql:2:1: DELETE is not allowed in a state file",
                 "details":[{"file":"schemas/sub/departments.sql","line":2,"column":1,"message":"DELETE is not allowed in a state file"}]}"""))) {
            check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", ingest.url(), "--project", "hr", "--code-quality", "cq.json");
            JsonNode report = Json.mapper().readTree(repo.resolve("cq.json").toFile());
            assertThat(report).hasSize(1);
            assertThat(report.get(0).get("check_name").asText()).isEqualTo("converge/STATE_FILE_INVALID");
            assertThat(report.get(0).at("/location/path").asText()).isEqualTo("schemas/sub/departments.sql");
            assertThat(report.get(0).at("/location/lines/begin").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedSubmissionNamesFileLineAndColumn() throws IOException {
        writeSchema();
        try (StubServer ingest = new StubServer(r -> new StubServer.Reply(422, """
                {"code":"STATE_FILE_INVALID","message":"schemas/hr.sql:2:1: DELETE is not allowed in a state file",
                 "details":[{"file":"schemas/hr.sql","line":2,"column":1,"message":"DELETE is not allowed in a state file"}]}"""))) {
            Map<String, String> env = Map.of("CONVERGE_TOKEN", TOKEN, "GITHUB_ACTIONS", "true");
            Run run = check(env, "--url", ingest.url(), "--project", "hr");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("refused (422 STATE_FILE_INVALID)").contains("schemas/hr.sql:2:1: DELETE");
            assertThat(run.out()).contains("::error file=schemas/hr.sql,line=2,col=1,title=Converge STATE_FILE_INVALID::DELETE");
        }
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        writeSchema();
        assertThat(check(Map.of(), "--url", "http://127.0.0.1:9", "--project", "hr").exit())
                .as("no token").isEqualTo(2);
        assertThat(check(Map.of("CONVERGE_TOKEN", TOKEN), "--project", "hr").exit()).as("no url").isEqualTo(2);
        Run bad = check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", "http://127.0.0.1:9", "--project", "hr",
                "--check-release", "SOMETIMES");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("SOMETIMES");
        assertThat(check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", "http://127.0.0.1:9").exit()).as("no project").isEqualTo(2);
        assertThat(check(Map.of("CONVERGE_TOKEN", TOKEN), "--url", "http://127.0.0.1:9", "--project", "hr",
                "--file-pattern", "nothing/*.sql").exit()).as("no files").isEqualTo(2);
    }

    @Test
    void underGitHubActionsUpsertsOneCommentAnnotatesAndWritesTheStepSummary() throws IOException {
        writeSchema();
        Path event = repo.resolve("event.json");
        Files.writeString(event, "{\"pull_request\":{\"number\":42,\"head\":{\"sha\":\"abc123\"}}}");
        Path summary = repo.resolve("summary.md");
        try (FakeGitHub github = new FakeGitHub("acme/hr", 42);
             StubServer ingest = ingest(submission("COMPLETED", PLAN_TEST, PLAN_PROD_FAILED))) {
            Map<String, String> env = new HashMap<>(Map.of("CONVERGE_TOKEN", TOKEN, "GITHUB_ACTIONS", "true",
                    "GITHUB_TOKEN", FakeGitHub.TOKEN, "GITHUB_API_URL", github.url(), "GITHUB_REPOSITORY", "acme/hr",
                    "GITHUB_EVENT_PATH", event.toString(), "GITHUB_STEP_SUMMARY", summary.toString(),
                    "GITHUB_ACTOR", "dev1", "GITHUB_SHA", "merge456"));

            Run first = check(env, "--url", ingest.url(), "--project", "hr");
            assertThat(github.comments).hasSize(1);
            long id = github.comments.keySet().iterator().next();
            String body = github.comments.get(id);
            assertThat(body).startsWith(MarkdownReport.marker("hr"))
                    .contains("```sql\nCREATE TABLE public.departments")
                    .contains("**INDEX_BUILD**")
                    .contains("index name should end in _ix")
                    .contains("TARGET_UNREACHABLE");
            assertThat(first.out()).contains("::warning file=schemas/hr.sql,line=7,col=1,title=Converge index-naming (demo/hr_test)::index name should end in _ix")
                    .contains("::error title=Converge demo/hr_prod::TARGET_UNREACHABLE: cannot connect");
            assertThat(first.err()).contains("created the PR comment on #42");

            JsonNode vcs = Json.mapper().readTree(ingest.requests("POST", "/v1/").get(0).body()).get("vcs");
            assertThat(vcs.get("repository").asText()).isEqualTo("acme/hr");
            assertThat(vcs.get("pullRequest").asText()).isEqualTo("42");
            assertThat(vcs.get("commit").asText()).isEqualTo("abc123");
            assertThat(vcs.get("author").asText()).isEqualTo("dev1");

            Run second = check(env, "--url", ingest.url(), "--project", "hr", "--check-release", "SKIP");
            assertThat(github.comments).hasSize(1).containsKey(id);
            assertThat(github.comments.get(id)).contains("PASSED");
            assertThat(second.err()).contains("updated the PR comment on #42");
            assertThat(github.server.requests("POST", "/repos/")).hasSize(1);
            assertThat(github.server.requests("PATCH", "/repos/")).hasSize(1);

            assertThat(Files.readString(summary)).contains("Converge check").contains("demo/hr_prod");
        }
    }
}
