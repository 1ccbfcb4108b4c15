package dev.converge.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.cli.ConvergeCli;
import dev.converge.cli.check.CheckCommand;
import dev.converge.common.Topics;
import dev.converge.common.events.EventIds;
import dev.converge.common.json.Json;
import dev.converge.devstack.kafka.KafkaProcess;
import dev.converge.devstack.postgres.PostgresFinder;
import dev.converge.devstack.postgres.PostgresServer;
import dev.converge.devstack.process.Deadline;
import dev.converge.devstack.process.FreePorts;
import dev.converge.devstack.services.ConvergeService;
import dev.converge.devstack.services.ServiceProcess;
import dev.converge.devstack.services.ServiceProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the whole system running as processes (a Kafka broker process, the four services as their
 * production jars, real target databases): SIGKILL of each service while submissions and a rollout are in flight,
 * the broker stopped mid-check, a target cut off mid-stage, a lock held on a table the plan alters, and two
 * instances of diff-service and rollout-service side by side. Every scenario ends in a checked final state:
 * every submission planned and reviewed once per target, every task applied once (one {@code converge_history}
 * row, the change present), every failure with its reason. One system start is shared; each scenario has its own
 * project and target databases, so they do not depend on each other's outcome.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class FaultInjectionIT {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path WORK = ROOT.resolve("cli/target/fault-it");
    static final Duration READY = Duration.ofSeconds(180);
    static final Duration SETTLE = Duration.ofSeconds(150);
    static final String TOKEN = "fault-token";
    static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    static final String SYSTEM_DB = "fi_sys_" + SUFFIX;
    /** Project → its target databases (all in environment {@code test}, automatic). */
    static final Map<String, List<String>> PROJECTS = new LinkedHashMap<>();
    static final List<String> KILL = targets("kill", 3);
    static final List<String> REACH = targets("reach", 3);
    static final List<String> LOCK = targets("lock", 2);
    static final List<String> PAIR = targets("pair", 6);

    static PostgresServer pg;
    static Sql sql;
    static KafkaProcess kafka;
    static final Map<ConvergeService, ServiceProcess> services = new EnumMap<>(ConvergeService.class);
    static final List<ServiceProcess> extra = new ArrayList<>();
    static Api api;
    /** The desired-state round the {@code kill} project's targets are at (each crash scenario adds one). */
    static int killRound;

    static List<String> targets(String project, int n) {
        List<String> dbs = IntStream.rangeClosed(1, n).mapToObj(i -> "fi_" + project + i + "_" + SUFFIX).toList();
        PROJECTS.put(project, dbs);
        return dbs;
    }

    @BeforeAll
    static void startSystem() throws Exception {
        Files.createDirectories(WORK);
        pg = PostgresFinder.find();
        sql = new Sql(pg);
        pg.createDatabase(SYSTEM_DB);
        for (List<String> dbs : PROJECTS.values()) {
            for (String db : dbs) {
                pg.createDatabase(db);
                sql.execute(db, "CREATE TABLE public.employee (id bigint PRIMARY KEY, name text NOT NULL)");
            }
        }
        kafka = KafkaProcess.create(Files.createTempDirectory(WORK, "kafka-"), 0).start();
        for (ConvergeService s : ConvergeService.values()) {
            services.put(s, process(s, s.module()).start());
        }
        ServiceProcess.awaitReady(services.values(), READY);
        api = new Api(() -> services.get(ConvergeService.INGEST).url(), () -> services.get(ConvergeService.ROLLOUT).url(), TOKEN);
    }

    static ServiceProcess process(ConvergeService s, String name) {
        return new ServiceProcess(name, s.jar(ROOT), FreePorts.next(), properties(), WORK.resolve(name + "-" + SUFFIX + ".log"));
    }

    static Map<String, String> properties() {
        ServiceProperties p = ServiceProperties.of(kafka.bootstrapServers(), pg, SYSTEM_DB)
                .instance("demo", pg)
                .set("converge.environments.test.policy", "automatic")
                .account("ci", TOKEN, "submitter,viewer,approver");
        PROJECTS.forEach((project, dbs) -> p.set("converge.projects." + project + ".environments.test.targets",
                dbs.stream().map(db -> "demo/" + db).collect(Collectors.joining(","))));
        // Two tasks at a time, so a stage has a waiting task to cut off; one lock retry keeps the lock scenario short.
        p.set("converge.rollout.parallelism", "2");
        p.set("converge.rollout.lock-retries", "1");
        p.set("converge.rollout.lock-retry-backoff-ms", "500");
        p.set("converge.rollout.tick-ms", "200");
        // A killed instance keeps its partitions until the broker expires its session (45 s by default); 10 s keeps
        // each crash scenario short. The takeover itself is the same.
        p.set("kafka.session.timeout.ms", "10000");
        p.set("kafka.heartbeat.interval.ms", "2000");
        return p.toMap();
    }

    @AfterAll
    static void stopSystem() {
        extra.forEach(ServiceProcess::stop);
        services.values().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (pg != null) {
            for (List<String> dbs : PROJECTS.values()) {
                dbs.forEach(pg::dropDatabase);
            }
            pg.dropDatabase(SYSTEM_DB);
        }
    }

    /** Round n of the desired state: employee gains column c_1..c_n, and tables round_1..round_n exist. */
    static String desired(int round) {
        StringBuilder sb = new StringBuilder("CREATE TABLE public.employee (\n    id bigint PRIMARY KEY,\n    name text NOT NULL");
        for (int i = 1; i <= round; i++) {
            sb.append(",\n    c_").append(i).append(" text");
        }
        sb.append("\n);\n");
        for (int i = 1; i <= round; i++) {
            sb.append("CREATE TABLE public.round_").append(i).append(" (id bigint PRIMARY KEY, note text);\n");
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- scenarios

    @Test
    @Order(1)
    void aTargetCutOffMidStageFailsWithItsReasonWhileTheOthersConverge() {
        long started = System.nanoTime();
        List<Connection> locks = REACH.stream().map(sql::holdEmployeeLock).toList();
        String victim;
        String rolloutId;
        try {
            rolloutId = EventIds.rolloutOf(api.submit("reach", "ROLLOUT", desired(1)));
            // Parallelism 2: two tasks wait for our locks, the third waits for a free slot. That one is cut off.
            awaitTrue("two tasks RUNNING and one PENDING", SETTLE, () -> {
                JsonNode r = api.rollout(rolloutId);
                return r != null && tasksWith(r, "RUNNING").size() == 2 && tasksWith(r, "PENDING").size() == 1;
            }, () -> String.valueOf(api.rollout(rolloutId)));
            victim = dbOf(tasksWith(api.rollout(rolloutId), "PENDING").get(0));
            Sql.release(locks.get(REACH.indexOf(victim)));
            sql.cutOff(victim);
        } finally {
            locks.forEach(Sql::release);
        }
        try {
            JsonNode r = awaitFinal(rolloutId);
            assertThat(r.path("status").asText()).as("rollout %s", r).isEqualTo("FAILED");
            JsonNode stage = r.path("stages").get(0);
            assertThat(stage.path("status").asText()).isEqualTo("FAILED");
            assertThat(stage.path("message").asText()).isEqualTo("demo/" + victim + " FAILED");
            for (JsonNode task : tasks(r)) {
                String db = dbOf(task);
                if (db.equals(victim)) {
                    assertThat(task.path("status").asText()).isEqualTo("FAILED");
                    assertThat(task.path("message").asText()).contains("cannot connect to", victim,
                            "is not currently accepting connections");
                } else {
                    assertAppliedOnce(r, task, 1);
                }
            }
        } finally {
            sql.reconnect(victim);
        }
        assertThat(sql.history(victim, rolloutId)).as("nothing ran on the cut-off target").isEmpty();
        assertThat(sql.hasTable(victim, "round_1") || sql.hasColumn(victim, "employee", "c_1")).isFalse();
        report("target cut off mid-stage", started);
    }

    @Test
    @Order(2)
    void aLockHeldPastLockTimeoutFailsTheTaskWithNothingHalfAppliedAndALockReleasedInTimeIsWaitedFor() {
        long started = System.nanoTime();
        String held = LOCK.get(0);
        String released = LOCK.get(1);
        Connection heldLock = sql.holdEmployeeLock(held);
        Connection releasedLock = sql.holdEmployeeLock(released);
        String rolloutId;
        try {
            rolloutId = EventIds.rolloutOf(api.submit("lock", "ROLLOUT", desired(1)));
            ServiceProcess rollout = services.get(ConvergeService.ROLLOUT);
            // The documented behaviour: lock_timeout (5 s) ends the wait, the group is rolled back and retried.
            awaitTrue("a lock timeout on " + released, SETTLE,
                    () -> rollout.logTail(300).contains("on demo/" + released + ": lock timeout"), () -> rollout.logTail(20));
            Sql.release(releasedLock);
            JsonNode r = awaitFinal(rolloutId);
            assertThat(r.path("status").asText()).as("rollout %s", r).isEqualTo("FAILED");
            JsonNode stage = r.path("stages").get(0);
            assertThat(stage.path("status").asText()).isEqualTo("FAILED");
            assertThat(stage.path("message").asText()).isEqualTo("demo/" + held + " FAILED");
            JsonNode failed = taskOf(r, held);
            assertThat(failed.path("status").asText()).isEqualTo("FAILED");
            assertThat(failed.path("message").asText()).contains("lock timeout", "SQLSTATE 55P03",
                    "gave up after 1 retries", "rolled back");
            assertThat(sql.history(held, rolloutId)).containsExactly("1 FAILED");
            // Still holding the lock: the rolled-back group left neither the new table nor the new column.
            assertThat(sql.hasTable(held, "round_1")).as("round_1 on %s", held).isFalse();
            assertThat(sql.hasColumn(held, "employee", "c_1")).as("c_1 on %s", held).isFalse();
            assertAppliedOnce(r, taskOf(r, released), 1);
        } finally {
            Sql.release(heldLock);
            Sql.release(releasedLock);
        }
        report("lock held on a target", started);
    }

    @Test
    @Order(3)
    void ingestKilledRightAfterAcceptingLosesNothing() {
        crashRound(ConvergeService.INGEST);
    }

    @Test
    @Order(4)
    void diffKilledWhilePlanningLosesNothing() {
        crashRound(ConvergeService.DIFF);
    }

    @Test
    @Order(5)
    void reviewKilledWhilePlansArriveLosesNothing() {
        crashRound(ConvergeService.REVIEW);
    }

    @Test
    @Order(6)
    void rolloutKilledInTheMiddleOfATaskAppliesEachTargetOnce() {
        crashRound(ConvergeService.ROLLOUT);
    }

    @Test
    @Order(7)
    void aCheckCompletesWhenTheBrokerIsStoppedAndRestartedInTheMiddle() throws Exception {
        long started = System.nanoTime();
        Path repo = Files.createTempDirectory(WORK, "repo-");
        Files.createDirectories(repo.resolve("schemas"));
        Files.writeString(repo.resolve("schemas/app.sql"), desired(killRound + 1));
        JsonNode before = api.latestSubmission("kill");
        String beforeId = before == null ? "" : before.path("id").asText();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> check = CompletableFuture.supplyAsync(() -> ConvergeCli.run(new PrintWriter(out, true),
                new PrintWriter(err, true), checkFactory(repo), "check", "--url", services.get(ConvergeService.INGEST).url(),
                "--project", "kill", "--file-pattern", "schemas/*.sql", "--fail-on", "never", "--timeout", "240s",
                "--output", "check.json"));
        String[] id = new String[1];
        awaitTrue("the check's submission accepted", Duration.ofSeconds(60), () -> {
            JsonNode latest = api.latestSubmission("kill");
            id[0] = latest == null ? null : latest.path("id").asText();
            return id[0] != null && !id[0].equals(beforeId);
        }, err::toString);
        String atStop = api.submission(id[0]).path("status").asText();
        kafka.stop();
        assertThat(atStop).as("the check was still in flight when the broker stopped").isNotEqualTo("COMPLETED");
        Thread.sleep(3000);
        assertThat(check).as("the check waits while the broker is down").isNotDone();
        kafka.start();

        int exit = check.get(240, TimeUnit.SECONDS);
        assertThat(exit).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
        JsonNode result = Json.mapper().readTree(repo.resolve("check.json").toFile());
        assertThat(result.at("/submission/id").asText()).isEqualTo(id[0]);
        assertReviewedOnce(id[0], KILL);
        awaitTrue("every service ready again", READY, () -> services.values().stream().allMatch(ServiceProcess::isReady),
                () -> "not ready");
        report("broker stopped mid-check (" + atStop + " at stop)", started);
    }

    @Test
    @Order(8)
    void twoInstancesOfDiffAndRolloutPlanEachSubmissionOnceAndApplyEachTaskOnce() throws Exception {
        long started = System.nanoTime();
        ServiceProcess diff2 = process(ConvergeService.DIFF, "diff-service-2").start();
        extra.add(diff2);
        ServiceProcess rollout2 = process(ConvergeService.ROLLOUT, "rollout-service-2").start();
        extra.add(rollout2);
        diff2.awaitReady(READY);
        rollout2.awaitReady(READY);
        awaitTrue("both consumer groups rebalanced over two instances", SETTLE,
                // One consumer per consuming channel: diff has one (submissions), rollout three (submissions, plans, reviews).
                () -> groupShared("converge-diff", 2) && groupShared("converge-rollout", 2 * 3),
                () -> describe("converge-diff") + "; " + describe("converge-rollout"));

        String rolloutSubmission = api.submit("pair", "ROLLOUT", desired(1));
        List<String> all = new ArrayList<>(List.of(rolloutSubmission));
        for (int i = 0; i < 5; i++) {
            all.add(api.submit("pair", "CHECK", desired(1)));
        }
        awaitCompleted(all);
        JsonNode r = awaitFinal(EventIds.rolloutOf(rolloutSubmission));
        assertThat(r.path("status").asText()).as("rollout %s", r).isEqualTo("SUCCEEDED");
        for (JsonNode task : tasks(r)) {
            assertAppliedOnce(r, task, 1);
        }
        List<ServiceProcess> diffs = List.of(services.get(ConvergeService.DIFF), diff2);
        Map<String, Integer> planner = new LinkedHashMap<>();
        for (String submission : all) {
            assertReviewedOnce(submission, PAIR);
            List<String> by = diffs.stream().filter(d -> occurrences(d, "planned submission " + submission) > 0)
                    .map(ServiceProcess::name).toList();
            assertThat(diffs.stream().mapToInt(d -> occurrences(d, "planned submission " + submission)).sum())
                    .as("times submission %s was planned (by %s)", submission, by).isEqualTo(1);
            planner.merge(by.get(0), 1, Integer::sum);
        }
        report("two diff + two rollout instances (submissions planned per instance: " + planner + ")", started);
    }

    // ---------------------------------------------------------------- SIGKILL of one service

    /**
     * One round for the {@code kill} project: a ROLLOUT submission and two CHECK submissions of the next desired
     * state, the victim SIGKILLed at a moment when it has work in flight, restarted on the same port, and then
     * the whole round checked.
     */
    private void crashRound(ConvergeService victim) {
        long started = System.nanoTime();
        int round = ++killRound;
        String state = desired(round);
        Set<String> shadowsBefore = sql.shadowDatabases();
        // The rollout is killed while a task waits inside its transaction: hold a lock the plan's ALTER needs.
        Connection lock = victim == ConvergeService.ROLLOUT ? sql.holdEmployeeLock(KILL.get(0)) : null;
        Set<String> orphans = new HashSet<>();
        String rolloutSubmission;
        List<String> all;
        String moment;
        try {
            rolloutSubmission = api.submit("kill", "ROLLOUT", state);
            all = List.of(rolloutSubmission, api.submit("kill", "CHECK", state), api.submit("kill", "CHECK", state));
            moment = awaitMoment(victim, all, EventIds.rolloutOf(rolloutSubmission), shadowsBefore);
            services.get(victim).kill();
            if (victim == ConvergeService.ROLLOUT) {
                assertThat(sql.history(KILL.get(0), EventIds.rolloutOf(rolloutSubmission)))
                        .as("the task on %s was killed after it started", KILL.get(0)).containsExactly("1 STARTED");
            } else if (victim == ConvergeService.INGEST) {
                moment += " (" + sql.query(SYSTEM_DB, "SELECT count(*) FROM ingest.outbox WHERE published_at IS NULL").get(0)
                        + " outbox rows unpublished)";
            }
        } finally {
            if (lock != null) {
                Sql.release(lock);
            }
        }
        if (victim == ConvergeService.DIFF) {
            orphans.addAll(sql.shadowDatabases());
            orphans.removeAll(shadowsBefore);
        }
        long killedAt = System.nanoTime();
        services.get(victim).start().awaitReady(READY);
        long restartMs = (System.nanoTime() - killedAt) / 1_000_000;

        awaitCompleted(all);
        JsonNode r = awaitFinal(EventIds.rolloutOf(rolloutSubmission));
        assertThat(r.path("status").asText()).as("rollout %s", r).isEqualTo("SUCCEEDED");
        for (JsonNode task : tasks(r)) {
            assertAppliedOnce(r, task, round);
        }
        for (String submission : all) {
            assertReviewedOnce(submission, KILL);
        }
        orphans.forEach(sql::dropAbandonedShadow);
        report("SIGKILL " + victim.module() + " " + moment + ", restart " + restartMs + " ms", started);
    }

    /** Waits for the moment to kill the victim; says what it waited for. */
    private String awaitMoment(ConvergeService victim, List<String> submissions, String rolloutId, Set<String> shadowsBefore) {
        switch (victim) {
            case INGEST:
                // The outbox relay may not have published yet: that is what the kill tests.
                return "right after accepting " + submissions.size() + " submissions";
            case DIFF:
                awaitTrue("a shadow database of the planning", SETTLE, () -> {
                    Set<String> now = sql.shadowDatabases();
                    now.removeAll(shadowsBefore);
                    return !now.isEmpty();
                }, () -> "no shadow database appeared");
                return "while planning (a shadow database existed)";
            case REVIEW:
                awaitTrue("a first plan in diff's outbox", SETTLE, () -> submissions.stream()
                        .anyMatch(s -> sql.outboxCount(SYSTEM_DB, "diff", Topics.PLANS, s) > 0), () -> "no plan");
                return "as the first plans arrived";
            default:
                awaitTrue("the task on " + KILL.get(0) + " RUNNING", SETTLE, () -> {
                    JsonNode r = api.rollout(rolloutId);
                    return r != null && taskOf(r, KILL.get(0)).path("status").asText().equals("RUNNING");
                }, () -> String.valueOf(api.rollout(rolloutId)));
                sleep(1500);
                return "during a task waiting on a lock inside its transaction";
        }
    }

    // ---------------------------------------------------------------- assertions

    /** The task succeeded in its first attempt, its target has one history row for it and the round's change. */
    private static void assertAppliedOnce(JsonNode rollout, JsonNode task, int round) {
        String db = dbOf(task);
        assertThat(task.path("status").asText()).as("task on %s: %s", db, task.path("message").asText()).isEqualTo("SUCCEEDED");
        assertThat(task.path("attempt").asInt()).as("attempt of the task on %s", db).isEqualTo(1);
        assertThat(sql.history(db, rollout.path("id").asText())).as("converge_history of %s", db).containsExactly("1 SUCCEEDED");
        assertThat(sql.hasTable(db, "round_" + round)).as("round_%s on %s", round, db).isTrue();
        assertThat(sql.hasColumn(db, "employee", "c_" + round)).as("employee.c_%s on %s", round, db).isTrue();
    }

    /** Every target of the submission has a plan and a review in ingest's read model, each produced once. */
    private static void assertReviewedOnce(String submissionId, List<String> dbs) {
        JsonNode s = api.submission(submissionId);
        assertThat(s.path("status").asText()).as("submission %s", s).isEqualTo("COMPLETED");
        assertThat(s.path("targets").size()).isEqualTo(dbs.size());
        for (JsonNode t : s.path("targets")) {
            assertThat(t.path("status").asText()).as("target %s", t).isEqualTo("REVIEWED");
            // A CHECK plan may be empty: the round's rollout may have applied the change before it was planned.
            assertThat(t.at("/plan/eventId").asText()).as("plan of %s", t.path("target")).isNotEmpty();
            assertThat(t.at("/review/verdict").isNull()).isFalse();
        }
        assertThat(sql.outboxCount(SYSTEM_DB, "diff", Topics.PLANS, submissionId)).as("plans of %s", submissionId)
                .isEqualTo(dbs.size());
        assertThat(sql.outboxCount(SYSTEM_DB, "review", Topics.REVIEWS, submissionId)).as("reviews of %s", submissionId)
                .isEqualTo(dbs.size());
    }

    // ---------------------------------------------------------------- helpers

    private static void awaitCompleted(List<String> submissions) {
        awaitTrue("submissions COMPLETED", SETTLE, () -> submissions.stream().allMatch(id -> {
            JsonNode s = api.submission(id);
            return s != null && s.path("status").asText().equals("COMPLETED");
        }), () -> submissions.stream().map(id -> String.valueOf(api.submission(id))).collect(Collectors.joining("\n")));
    }

    private static JsonNode awaitFinal(String rolloutId) {
        Set<String> end = Set.of("SUCCEEDED", "FAILED", "CANCELED", "BLOCKED");
        JsonNode[] last = new JsonNode[1];
        awaitTrue("rollout " + rolloutId + " final", SETTLE, () -> {
            last[0] = api.rollout(rolloutId);
            return last[0] != null && end.contains(last[0].path("status").asText());
        }, () -> String.valueOf(last[0]));
        return last[0];
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        boolean reached = Deadline.await(timeout, Duration.ofMillis(50), condition);
        assertThat(reached).as("%s within %s s; now: %s", what, timeout.toSeconds(), state.get()).isTrue();
    }

    private static List<JsonNode> tasks(JsonNode rollout) {
        List<JsonNode> out = new ArrayList<>();
        rollout.path("stages").forEach(stage -> stage.path("tasks").forEach(out::add));
        return out;
    }

    private static List<JsonNode> tasksWith(JsonNode rollout, String status) {
        return tasks(rollout).stream().filter(t -> t.path("status").asText().equals(status)).toList();
    }

    private static JsonNode taskOf(JsonNode rollout, String db) {
        return tasks(rollout).stream().filter(t -> dbOf(t).equals(db)).findFirst()
                .orElseThrow(() -> new AssertionError("no task for " + db + " in " + rollout));
    }

    private static String dbOf(JsonNode task) {
        String target = task.path("target").asText();
        return target.substring(target.indexOf('/') + 1);
    }

    private static int occurrences(ServiceProcess p, String text) {
        try {
            return (int) Files.readAllLines(p.logFile()).stream().filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + p.logFile(), e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static ConsumerGroupDescription group(String id) {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(id)).describedGroups().get(id).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot describe consumer group " + id + ": " + e, e);
        }
    }

    private static String describe(String id) {
        ConsumerGroupDescription g = group(id);
        return id + " " + g.groupState() + " " + g.members().stream()
                .map(m -> m.clientId() + "@" + m.host() + "=" + m.assignment().topicPartitions()).toList();
    }

    /** The group is stable with {@code members} consumers, and each of them owns at least one partition. */
    private static boolean groupShared(String id, int members) {
        ConsumerGroupDescription g = group(id);
        return g.groupState() == GroupState.STABLE && g.members().size() == members
                && g.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }

    private static CommandLine.IFactory checkFactory(Path repo) {
        Map<String, String> env = Map.of("CONVERGE_TOKEN", TOKEN);
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == CheckCommand.class ? type.cast(new CheckCommand(env, repo)) : CommandLine.defaultFactory().create(type);
            }
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void report(String scenario, long startedNanos) {
        System.out.printf("[fault-injection] %s: %.1f s%n", scenario, (System.nanoTime() - startedNanos) / 1e9);
    }
}
