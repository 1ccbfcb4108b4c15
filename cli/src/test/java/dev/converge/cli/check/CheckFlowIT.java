package dev.converge.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.cli.ConvergeCli;
import dev.converge.common.Topics;
import dev.converge.common.events.EventIds;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaClients;
import dev.converge.devstack.kafka.KafkaProcess;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.devstack.process.FreePorts;
import dev.converge.devstack.services.ConvergeService;
import dev.converge.devstack.services.ServiceProcess;
import dev.converge.devstack.services.ServiceProperties;
import dev.converge.devstack.testing.SecretScan;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check flow end to end, then a rollout, then a scan for leaked secrets: a real Kafka broker process, the four
 * services as their production jars, a system database and target databases. {@code converge check} runs in this
 * JVM, as CI runs it, against the services' HTTP API. Every database password (the system database's, and the target
 * instances', one of them a role created with a password) and every token is set to a distinctive value so that
 * the last test can look for them in every Kafka record, service log line and API response of the whole run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
class CheckFlowIT {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path WORK = ROOT.resolve("cli/target/check-flow-it");
    static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final String TOKEN = "ck-flow-token-" + SUFFIX;
    /** approver and viewer only: approves the rollout's prod stage, which its submitter may not */
    static final String APPROVER_TOKEN = "ck-approver-token-" + SUFFIX;
    static final List<ConvergeService> STARTED = List.of(ConvergeService.values());

    static PostgresServer postgres;
    static final String SYSTEM_DB = "ck_sys_" + SUFFIX;
    static final String TEST_DB = "ck_test_" + SUFFIX;
    static final String PROD_DB = "ck_prod_" + SUFFIX;
    /** The rollout's targets: instance "secure", reached as a role of their own with a password. */
    static final String TARGET_ROLE = "sc_ckf_" + SUFFIX;
    static final String ROLLOUT_TEST_DB = "sc_ro_test_" + SUFFIX;
    static final String ROLLOUT_PROD_DB = "sc_ro_prod_" + SUFFIX;
    /** Characters that URL-encoding changes, so that an encoded leak looks different from a plain one. */
    static final String TARGET_PASSWORD = "Sc-target+pw/" + SUFFIX + "=";
    /** The server's own password where it has one; with trust authentication any password is accepted. */
    static String systemPassword;
    static String demoPassword;
    /** Every response body, CLI output and report of the run, for the secret scan. */
    static final List<String> shown = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Put into a state file of the rollout and looked for like a secret: proves the scan reads what carries the files. */
    static final String CANARY = "canary-" + UUID.randomUUID();
    static String rolloutSubmissionId;
    static KafkaProcess kafka;
    static final Map<ConvergeService, ServiceProcess> services = new EnumMap<>(ConvergeService.class);
    static Path repo;

    @BeforeAll
    static void startSystem() throws Exception {
        Files.createDirectories(WORK);
        postgres = PostgresFinder.find();
        systemPassword = postgres.password() != null ? postgres.password() : "Sc-system+pw/" + SUFFIX;
        demoPassword = postgres.password() != null ? postgres.password() : "Sc-demo+pw/" + SUFFIX;
        for (String db : List.of(SYSTEM_DB, TEST_DB, PROD_DB)) {
            postgres.createDatabase(db);
        }
        // The rollout's role: may create its shadow databases, owns its targets, nothing more.
        execute("postgres", "CREATE ROLE " + TARGET_ROLE + " LOGIN CREATEDB PASSWORD '" + TARGET_PASSWORD + "'");
        for (String db : List.of(ROLLOUT_TEST_DB, ROLLOUT_PROD_DB)) {
            execute("postgres", "CREATE DATABASE " + db + " OWNER " + TARGET_ROLE);
        }
        // The two targets start from different schemas, so each gets its own plan.
        execute(TEST_DB, "CREATE TABLE public.employees (id bigint PRIMARY KEY, name text NOT NULL, legacy_code text)");
        execute(PROD_DB, "CREATE TABLE public.employees (id bigint PRIMARY KEY, name text NOT NULL)");

        repo = Files.createTempDirectory(WORK, "repo-");
        Files.createDirectories(repo.resolve("schemas"));
        Files.writeString(repo.resolve("schemas/employees.sql"), """
                CREATE TABLE public.employees (
                    id bigint PRIMARY KEY,
                    name text NOT NULL,
                    email text
                );
                """);
        Files.writeString(repo.resolve("schemas/departments.sql"), """
                CREATE TABLE public.departments (
                    id bigint PRIMARY KEY,
                    title text NOT NULL
                );
                """);

        kafka = KafkaProcess.create(Files.createTempDirectory(WORK, "kafka-"), 0).start();
        for (ConvergeService s : STARTED) {
            services.put(s, s.process(ROOT, FreePorts.next(), serviceProperties(), WORK.resolve(s.module() + "-" + SUFFIX + ".log"))
                    .start());
        }
        ServiceProcess.awaitReady(services.values(), Duration.ofSeconds(180));
    }

    static Map<String, String> serviceProperties() {
        return ServiceProperties.of(kafka.bootstrapServers(), postgres, SYSTEM_DB, systemPassword)
                .instance("demo", postgres.host(), postgres.port(), postgres.user(), demoPassword)
                .instance("secure", postgres.host(), postgres.port(), TARGET_ROLE, TARGET_PASSWORD)
                // A server that is down: a free port nobody listens on.
                .instance("down", "127.0.0.1", FreePorts.next(), null, null)
                .testThenProdByApproval()
                .set("converge.projects.hr.environments.test.targets", "demo/" + TEST_DB)
                .set("converge.projects.hr.environments.prod.targets", "demo/" + PROD_DB)
                .set("converge.projects.hrdown.environments.test.targets", "demo/" + TEST_DB)
                .set("converge.projects.hrdown.environments.prod.targets", "down/hr_prod")
                .set("converge.projects.payroll.environments.test.targets", "secure/" + ROLLOUT_TEST_DB)
                .set("converge.projects.payroll.environments.prod.targets", "secure/" + ROLLOUT_PROD_DB)
                .account("ci", TOKEN, "submitter,viewer")
                .account("boss", APPROVER_TOKEN, "approver,viewer")
                .set("converge.rollout.tick-ms", "300")
                .toMap();
    }

    @AfterAll
    static void stopSystem() {
        services.values().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            try {
                for (String db : List.of(SYSTEM_DB, TEST_DB, PROD_DB, ROLLOUT_TEST_DB, ROLLOUT_PROD_DB)) {
                    postgres.dropDatabase(db);
                }
                execute("postgres", "DROP ROLE IF EXISTS " + TARGET_ROLE);
            } catch (Exception e) {
                throw new IllegalStateException("cleaning up after CheckFlowIT: " + e.getMessage(), e);
            } finally {
                postgres.close();
            }
        }
    }

    private static void execute(String database, String sql) throws Exception {
        try (Connection c = postgres.connect(database)) {
            c.createStatement().execute(sql);
        }
    }

    private static String targetUrl(String database) {
        return "postgresql://" + postgres.user() + (postgres.password() == null ? "" : ":" + postgres.password())
                + "@" + postgres.host() + ":" + postgres.port() + "/" + database;
    }

    record Run(int exit, String out, String err) {
    }

    private static Run converge(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == CheckCommand.class ? type.cast(new CheckCommand(env, repo)) : CommandLine.defaultFactory().create(type);
            }
        };
        int exit = ConvergeCli.run(new PrintWriter(out, true), new PrintWriter(err, true), factory, args);
        shown.add(out.toString());
        shown.add(err.toString());
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run check(Map<String, String> env, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--url", services.get(ConvergeService.INGEST).url(),
                "--file-pattern", "schemas/*.sql", "--timeout", "180s"));
        args.addAll(List.of(extra));
        Map<String, String> withToken = new HashMap<>(env);
        withToken.put("CONVERGE_TOKEN", TOKEN);
        return converge(withToken, args.toArray(String[]::new));
    }

    /** The SQL block {@code converge check} prints for one target. */
    private static String sqlOf(String report, String target) {
        String start = "-- SQL that would run on " + target + ":\n";
        String end = "-- end of SQL for " + target + "\n";
        int from = report.indexOf(start);
        int to = report.indexOf(end, from);
        assertThat(from).as("SQL block of %s in:%n%s", target, report).isGreaterThanOrEqualTo(0);
        return report.substring(from + start.length(), to);
    }

    @Test
    @Order(1)
    void printsForEachTargetExactlyTheSqlConvergePlanGivesAndExitsByThreshold() throws Exception {
        Run skip = check(Map.of(), "--project", "hr", "--check-release", "SKIP", "--output", "check.json");
        assertThat(skip.exit()).as("stdout:%n%s%nstderr:%n%s", skip.out(), skip.err()).isEqualTo(0);

        for (String db : List.of(TEST_DB, PROD_DB)) {
            Run plan = converge(Map.of(), "plan", "--target", targetUrl(db), "--file-pattern",
                    repo.resolve("schemas").toString() + "/*.sql");
            assertThat(plan.exit()).as(plan.err()).isEqualTo(0);
            assertThat(plan.out()).isNotBlank();
            assertThat(sqlOf(skip.out(), "demo/" + db)).isEqualTo(plan.out());
        }
        assertThat(sqlOf(skip.out(), "demo/" + TEST_DB)).contains("DROP COLUMN legacy_code");
        assertThat(sqlOf(skip.out(), "demo/" + PROD_DB)).doesNotContain("legacy_code");

        JsonNode result = Json.mapper().readTree(repo.resolve("check.json").toFile());
        assertThat(result.at("/submission/status").asText()).isEqualTo("COMPLETED");
        int errors = result.at("/result/errors").asInt();
        int warnings = result.at("/result/warnings").asInt();
        assertThat(errors).as("dropping legacy_code deletes data: the review reports it as an error").isGreaterThan(0);
        assertThat(skip.out()).contains("destructive.drop-column");

        assertThat(check(Map.of(), "--project", "hr", "--check-release", "FAIL_ON_ERROR").exit()).isEqualTo(1);
        assertThat(check(Map.of(), "--project", "hr", "--fail-on", "warning").exit()).isEqualTo(1);
        Run prodOnly = check(Map.of(), "--project", "hr", "--targets", "demo/" + PROD_DB, "--fail-on", "error",
                "--output", "prod.json");
        JsonNode prod = Json.mapper().readTree(repo.resolve("prod.json").toFile());
        assertThat(prod.at("/submission/targets").size()).isEqualTo(1);
        assertThat(prodOnly.exit()).as("exit follows the threshold: %s", prod.at("/result"))
                .isEqualTo(prod.at("/result/errors").asInt() > 0 ? 1 : 0);
        assertThat(check(Map.of(), "--project", "hr", "--fail-on", "never").exit()).isEqualTo(0);
        assertThat(warnings).isGreaterThanOrEqualTo(0);
    }

    @Test
    @Order(2)
    void underGitHubActionsTheFirstRunCreatesThePullRequestCommentAndTheSecondUpdatesIt() throws Exception {
        Path event = repo.resolve("event.json");
        Files.writeString(event, "{\"pull_request\":{\"number\":7,\"head\":{\"sha\":\"feedbeef\"}}}");
        try (FakeGitHub github = new FakeGitHub("acme/hr", 7)) {
            Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_TOKEN", FakeGitHub.TOKEN,
                    "GITHUB_API_URL", github.url(), "GITHUB_REPOSITORY", "acme/hr",
                    "GITHUB_EVENT_PATH", event.toString(), "GITHUB_STEP_SUMMARY", repo.resolve("summary.md").toString());

            Run first = check(env, "--project", "hr");
            assertThat(github.comments).as(first.err()).hasSize(1);
            long id = github.comments.keySet().iterator().next();
            assertThat(github.comments.get(id)).contains("DROP COLUMN legacy_code").contains("destructive.drop-column");
            assertThat(first.out()).contains("::error").contains("destructive.drop-column");

            Run second = check(env, "--project", "hr", "--check-release", "SKIP");
            assertThat(second.exit()).isEqualTo(0);
            assertThat(github.comments).hasSize(1).containsKey(id);
            assertThat(github.server.requests("POST", "/repos/")).hasSize(1);
            assertThat(github.server.requests("PATCH", "/repos/")).hasSize(1);
            assertThat(Files.readString(repo.resolve("summary.md"))).contains("Converge check");
            shown.addAll(github.comments.values());
        }
    }

    @Test
    @Order(3)
    void aTargetWhoseServerIsDownFailsWithAReasonWhileTheOtherGetsItsPlan() throws Exception {
        Run run = check(Map.of(), "--project", "hrdown", "--check-release", "SKIP", "--output", "down.json");
        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        JsonNode targets = Json.mapper().readTree(repo.resolve("down.json").toFile()).at("/submission/targets");
        JsonNode test = targets.get(0);
        JsonNode prod = targets.get(1);
        assertThat(test.at("/target").asText()).isEqualTo("demo/" + TEST_DB);
        assertThat(test.at("/plan/statements").size()).isGreaterThan(0);
        assertThat(prod.at("/target").asText()).isEqualTo("down/hr_prod");
        assertThat(prod.at("/status").asText()).isEqualTo("PLAN_FAILED");
        assertThat(prod.at("/errors/0/code").asText()).isEqualTo("TARGET_UNREACHABLE");
        assertThat(prod.at("/errors/0/message").asText()).contains("down/hr_prod");
        assertThat(run.out()).contains("== down/hr_prod (prod): planning failed");

        assertThat(check(Map.of(), "--project", "hrdown").exit()).as("a failed plan fails the check").isEqualTo(1);
    }

    @Test
    @Order(4)
    void aRolloutAppliesTestAndAfterAnotherAccountsApprovalProd() throws Exception {
        String ingest = services.get(ConvergeService.INGEST).url();
        String rollouts = services.get(ConvergeService.ROLLOUT).url();
        List<Map<String, String>> files = new ArrayList<>();
        for (String name : List.of("employees.sql", "departments.sql")) {
            files.add(Map.of("path", "schemas/" + name, "content", "-- " + CANARY + "\n"
                    + Files.readString(repo.resolve("schemas").resolve(name))));
        }
        Reply accepted = call("POST", ingest + "/v1/projects/payroll/submissions", TOKEN,
                Json.encode(Map.of("mode", "ROLLOUT", "files", files)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String submissionId = accepted.json().path("id").asText();
        rolloutSubmissionId = submissionId;
        String rolloutId = EventIds.rolloutOf(submissionId);

        JsonNode waiting = awaitRollout(rolloutId, r -> "AWAITING_APPROVAL".equals(stage(r, "prod").path("status").asText()));
        assertThat(stage(waiting, "test").path("status").asText()).isEqualTo("SUCCEEDED");
        Reply own = call("POST", rollouts + "/v1/rollouts/" + rolloutId + "/stages/prod:approve", TOKEN, "{}");
        assertThat(own.status()).as("the submitter has no approver role: %s", own.body()).isEqualTo(403);
        Reply approved = call("POST", rollouts + "/v1/rollouts/" + rolloutId + "/stages/prod:approve", APPROVER_TOKEN,
                "{\"comment\":\"reviewed\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode done = awaitRollout(rolloutId, r -> r.path("status").asText().equals("SUCCEEDED")
                || r.path("status").asText().equals("FAILED"));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        for (String db : List.of(ROLLOUT_TEST_DB, ROLLOUT_PROD_DB)) {
            try (Connection c = postgres.connect(db); var rs = c.createStatement().executeQuery(
                    "SELECT string_agg(table_name::text || ':' || tableowner, ',' ORDER BY table_name) FROM information_schema.tables "
                            + "JOIN pg_tables ON schemaname = table_schema AND tablename = table_name WHERE table_schema = 'public'")) {
                rs.next();
                assertThat(rs.getString(1)).as(db).isEqualTo("departments:" + TARGET_ROLE + ",employees:" + TARGET_ROLE);
            }
        }

        // what CI, people and the dashboard read along the way
        Reply submission = call("GET", ingest + "/v1/submissions/" + submissionId, TOKEN, null);
        assertThat(submission.json().path("targets").size()).as(submission.body()).isEqualTo(2);
        assertThat(submission.body()).contains("CREATE TABLE");
        assertThat(call("GET", ingest + "/v1/projects/payroll/submissions", TOKEN, null).status()).isEqualTo(200);
        assertThat(call("GET", rollouts + "/v1/projects/payroll/rollouts", APPROVER_TOKEN, null).status()).isEqualTo(200);
        assertThat(call("GET", rollouts + "/v1/me", APPROVER_TOKEN, null).status()).isEqualTo(200);
        assertThat(call("GET", rollouts + "/v1/ui/projects", APPROVER_TOKEN, null).status()).isEqualTo(200);
        assertThat(call("GET", rollouts + "/ui/config.json", null, null).status()).isEqualTo(200);
        assertThat(serverSentEvents(rollouts + "/v1/events?rollout=" + rolloutId, APPROVER_TOKEN)).contains("SUCCEEDED");
        assertThat(call("GET", rollouts + "/v1/rollouts/" + rolloutId, TOKEN + "x", null).status()).isEqualTo(401);
        for (ServiceProcess p : services.values()) {
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi?format=json")) {
                assertThat(call("GET", p.url() + path, null, null).status()).as(p.name() + path).isEqualTo(200);
            }
        }
    }

    @Test
    @Order(5)
    void noPasswordOrTokenAppearsInAnyKafkaRecordServiceLogLineOrResponseOfTheRun() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("password of the rollout targets' role", TARGET_PASSWORD);
        if (systemPassword.length() >= 10) { // a server's own short password would match by chance
            secrets.put("system database password", systemPassword);
            secrets.put("demo instance password", demoPassword);
        }
        secrets.put("token of account ci", TOKEN);
        secrets.put("token of account boss", APPROVER_TOKEN);
        secrets.put("GitHub token", FakeGitHub.TOKEN);
        List<ConsumerRecord<String, String>> records = KafkaClients.readAll(kafka.bootstrapServers(), Topics.ALL,
                Duration.ofSeconds(60));
        List<Sourced> texts = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            StringBuilder text = new StringBuilder(r.key() + " " + r.value());
            r.headers().forEach(h -> text.append(' ').append(h.key()).append('=')
                    .append(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
            texts.add(new Sourced("kafka", r.topic() + "/" + r.partition() + "@" + r.offset(), text.toString()));
        }
        int logLines = 0;
        for (ServiceProcess p : services.values()) {
            List<String> lines = Files.readAllLines(p.logFile());
            for (int i = 0; i < lines.size(); i++) {
                texts.add(new Sourced("log", p.logFile().getFileName() + ":" + (i + 1), lines.get(i)));
            }
            logLines += lines.size();
        }
        List<String> outputs = new ArrayList<>(shown);
        try (var reports = Files.list(repo)) {
            for (Path f : reports.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".md")).toList()) {
                outputs.add(Files.readString(f));
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            texts.add(new Sourced("response", "response/output/report #" + i, outputs.get(i)));
        }

        List<SecretScan.Finding> findings = scan(new SecretScan(secrets), texts);
        // the same scan does find what the run does carry: the canary in the files, the submission id everywhere
        List<SecretScan.Finding> canaries = scan(new SecretScan(Map.of("canary", CANARY, "submission id", rolloutSubmissionId)), texts);
        assertThat(canaries).filteredOn(f -> f.secret().equals("canary")).extracting(f -> f.where().split("/")[0])
                .contains(Topics.SUBMISSIONS, Topics.PLANS);
        assertThat(canaries).filteredOn(f -> f.secret().equals("submission id")).extracting(f -> texts.stream()
                .filter(t -> t.where().equals(f.where())).findFirst().orElseThrow().kind()).contains("kafka", "log", "response");

        assertThat(findings).as("secrets seen").isEmpty();
        // the scan looked at the whole run: every topic, every service's log, the flow's responses
        assertThat(records.stream().map(ConsumerRecord::topic).distinct()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(records).hasSizeGreaterThan(20);
        assertThat(logLines).isGreaterThan(40);
        assertThat(outputs).hasSizeGreaterThan(30);
        System.out.printf("CheckFlowIT secret scan: %d Kafka records, %d log lines of %d services, %d responses/outputs/reports;"
                + " %d secrets (plain, URL-encoded, base64): no finding%n", records.size(), logLines, services.size(), outputs.size(),
                secrets.size());
    }

    /** A text the run showed or stored: {@code kind} is kafka, log or response; {@code where} names the record, line or call. */
    record Sourced(String kind, String where, String text) {
    }

    static List<SecretScan.Finding> scan(SecretScan scan, List<Sourced> texts) {
        List<SecretScan.Finding> findings = new ArrayList<>();
        for (Sourced t : texts) {
            findings.addAll(scan.scan(t.where(), t.text()));
        }
        return findings;
    }

    /** One HTTP exchange of the flow; its body is kept for the secret scan. */
    record Reply(int status, String body) {
        JsonNode json() throws java.io.IOException {
            return Json.mapper().readTree(body);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static Reply call(String method, String url, String token, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        shown.add(r.headers().map() + "\n" + r.body());
        return new Reply(r.statusCode(), r.body());
    }

    /** What an SSE stream sends within a few seconds (it never ends by itself). */
    static String serverSentEvents(String url, String token) throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Accept", "text/event-stream");
        c.setConnectTimeout(10_000);
        c.setReadTimeout(3_000);
        StringBuilder got = new StringBuilder();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                got.append(line).append('\n');
            }
        } catch (java.net.SocketTimeoutException endOfWhatWasSent) {
            // the stream stays open; what arrived so far is what we wanted
        } finally {
            c.disconnect();
        }
        shown.add(got.toString());
        return got.toString();
    }

    static JsonNode awaitRollout(String rolloutId, java.util.function.Predicate<JsonNode> until) throws Exception {
        String url = services.get(ConvergeService.ROLLOUT).url() + "/v1/rollouts/" + rolloutId;
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Reply r = call("GET", url, APPROVER_TOKEN, null);
            if (r.status() == 200) {
                last = r.json();
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("rollout " + rolloutId + " did not get there within 240 s; last: " + last
                + "\nrollout-service log:\n" + services.get(ConvergeService.ROLLOUT).logTail(30));
    }

    static JsonNode stage(JsonNode rollout, String name) {
        for (JsonNode s : rollout.path("stages")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        return Json.mapper().createObjectNode();
    }
}
