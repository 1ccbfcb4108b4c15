package dev.converge.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.cli.ConvergeCli;
import dev.converge.common.Hashing;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaProcess;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.devstack.process.FreePorts;
import dev.converge.devstack.services.ConvergeService;
import dev.converge.devstack.services.ServiceProcess;
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
 * The check flow end to end: a real Kafka broker process, ingest, diff and review as their production jars, a
 * system database and two target databases whose schemas differ. {@code converge check} runs in this JVM, as CI
 * runs it, against the services' HTTP API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class CheckFlowIT {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path WORK = ROOT.resolve("cli/target/check-flow-it");
    static final String TOKEN = "check-flow-token";
    static final List<ConvergeService> STARTED = List.of(ConvergeService.INGEST, ConvergeService.DIFF, ConvergeService.REVIEW);

    static PostgresServer postgres;
    static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final String SYSTEM_DB = "ck_sys_" + SUFFIX;
    static final String TEST_DB = "ck_test_" + SUFFIX;
    static final String PROD_DB = "ck_prod_" + SUFFIX;
    static KafkaProcess kafka;
    static final Map<ConvergeService, ServiceProcess> services = new EnumMap<>(ConvergeService.class);
    static Path repo;

    @BeforeAll
    static void startSystem() throws Exception {
        Files.createDirectories(WORK);
        postgres = PostgresFinder.find();
        for (String db : List.of(SYSTEM_DB, TEST_DB, PROD_DB)) {
            postgres.createDatabase(db);
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
            services.put(s, new ServiceProcess(s.module(), s.jar(ROOT), FreePorts.next(), serviceProperties(),
                    WORK.resolve(s.module() + "-" + SUFFIX + ".log")).start());
        }
        for (ServiceProcess p : services.values()) {
            p.awaitReady(Duration.ofSeconds(180));
        }
    }

    static Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        p.put("converge.db.host", postgres.host());
        p.put("converge.db.port", String.valueOf(postgres.port()));
        p.put("converge.db.name", SYSTEM_DB);
        p.put("converge.db.username", postgres.user());
        p.put("converge.instances.demo.host", postgres.host());
        p.put("converge.instances.demo.port", String.valueOf(postgres.port()));
        p.put("converge.instances.demo.username", postgres.user());
        if (postgres.password() != null) {
            p.put("converge.db.password", postgres.password());
            p.put("converge.instances.demo.password", postgres.password());
        }
        // A server that is down: a free port nobody listens on.
        p.put("converge.instances.down.host", "127.0.0.1");
        p.put("converge.instances.down.port", String.valueOf(FreePorts.next()));
        p.put("converge.environments.test.policy", "automatic");
        p.put("converge.environments.prod.after", "test");
        p.put("converge.environments.prod.policy", "approval");
        p.put("converge.projects.hr.environments.test.targets", "demo/" + TEST_DB);
        p.put("converge.projects.hr.environments.prod.targets", "demo/" + PROD_DB);
        p.put("converge.projects.hrdown.environments.test.targets", "demo/" + TEST_DB);
        p.put("converge.projects.hrdown.environments.prod.targets", "down/hr_prod");
        p.put("converge.auth.accounts.ci.token-sha256", Hashing.sha256Hex(TOKEN));
        p.put("converge.auth.accounts.ci.roles", "submitter,viewer");
        return p;
    }

    @AfterAll
    static void stopSystem() {
        services.values().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            try {
                for (String db : List.of(SYSTEM_DB, TEST_DB, PROD_DB)) {
                    postgres.dropDatabase(db);
                }
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
}
