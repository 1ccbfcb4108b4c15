package dev.converge.rollout.service;

import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.events.Mode;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.SubjectType;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.events.Verdict;
import dev.converge.common.events.VcsMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    static final Actor ALICE_SUBMITTER_APPROVER = new Actor("alice", Set.of("submitter", "approver"));
    static final Actor BOB_APPROVER = new Actor("bob", Set.of("approver"));
    static final Actor VIEWER = new Actor("vic", Set.of("viewer"));

    static ConvergeConfig config(String... extra) {
        Map<String, String> p = new HashMap<>(Map.of(
                "converge.instances.demo.host", "127.0.0.1",
                "converge.environments.test.policy", "automatic",
                "converge.environments.prod.after", "test",
                "converge.environments.prod.policy", "approval",
                "converge.environments.prod.approver-role", "approver",
                "converge.projects.hr.environments.test.targets", "demo/hr_test",
                "converge.projects.hr.environments.prod.targets", "demo/hr_prod,demo/hr_prod2"));
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return ConvergeConfig.fromProperties(p);
    }

    static Rollout newRollout(ConvergeConfig config, BlockOn blockOn) {
        SubmissionAccepted s = new SubmissionAccepted("e1", NOW, "sub-1", "hr", Mode.ROLLOUT, List.of(),
                config.targetsInOrder(config.project("hr")).stream().map(Object::toString).toList(), null,
                VcsMetadata.NONE, "alice");
        return Rollout.create(s, config, env -> blockOn, NOW);
    }

    static PlanComputed plan(String target, String env, int statements) {
        List<PlannedStatement> sql = new java.util.ArrayList<>();
        for (int i = 0; i < statements; i++) {
            sql.add(new PlannedStatement(i, "CREATE TABLE t" + i + " (id int)", List.of(), true, 1000, 10000));
        }
        return new PlanComputed("plan-" + target, NOW, "sub-1", "hr", target, env, Mode.ROLLOUT, "base", "desired",
                "ph-" + target, sql, List.of(), "");
    }

    static ReviewCompleted review(String target, Verdict verdict) {
        return new ReviewCompleted("rev-" + target, NOW, "sub-1", "hr", target, null, "plan-" + target, "ph-" + target,
                List.of(), verdict, List.of());
    }

    static Rollout readyRollout(BlockOn blockOn, Verdict prodVerdict) {
        Rollout r = newRollout(config(), blockOn);
        r.attach(plan("demo/hr_test", "test", 1));
        r.attach(plan("demo/hr_prod", "prod", 1));
        r.attach(plan("demo/hr_prod2", "prod", 0));
        r.attach(review("demo/hr_test", Verdict.PASS));
        r.attach(review("demo/hr_prod", prodVerdict));
        return r;
    }

    @Test
    void createsOneStagePerEnvironmentInConfiguredOrderAndOneTaskPerTarget() {
        Rollout r = newRollout(config(), BlockOn.ERROR);

        assertThat(r.status()).isEqualTo(RolloutStatus.WAITING_FOR_PLANS);
        assertThat(r.stages()).extracting(Stage::name).containsExactly("test", "prod");
        assertThat(r.stage("prod").tasks()).extracting(Task::target).containsExactly("demo/hr_prod", "demo/hr_prod2");
        assertThat(r.stage("prod").policy().needsApproval()).isTrue();
        assertThat(r.id()).isEqualTo(Rollout.idFor("sub-1"));
        assertThat(r.drainDecisions()).extracting(Decision::action, Decision::principal).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CREATE", "alice"));
    }

    @Test
    void waitsUntilEveryPlanAndReviewArrived() {
        Rollout r = newRollout(config(), BlockOn.ERROR);
        r.attach(plan("demo/hr_test", "test", 1));
        r.attach(plan("demo/hr_prod", "prod", 1));
        r.attach(plan("demo/hr_prod2", "prod", 1));
        r.attach(review("demo/hr_test", Verdict.PASS));
        r.advance(NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.WAITING_FOR_PLANS);

        r.attach(review("demo/hr_prod", Verdict.PASS));
        r.attach(review("demo/hr_prod2", Verdict.WARN));
        r.advance(NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(r.stage("test").status()).isEqualTo(StageStatus.IN_PROGRESS);
    }

    @Test
    void ignoresAReviewOfAnotherPlan() {
        Rollout r = newRollout(config(), BlockOn.ERROR);
        r.attach(plan("demo/hr_test", "test", 1));
        r.attach(new ReviewCompleted("r", NOW, "sub-1", "hr", "demo/hr_test", null, "old", "old-hash", List.of(),
                Verdict.PASS, List.of()));
        r.attach(plan("demo/hr_prod", "prod", 0));
        r.attach(plan("demo/hr_prod2", "prod", 0));
        r.advance(NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.WAITING_FOR_PLANS);
    }

    @Test
    void emptyPlansNeedNoReviewAndAreSkipped() {
        Rollout r = readyRollout(BlockOn.ERROR, Verdict.PASS);
        r.advance(NOW);
        assertThat(r.claimRunnable(4, NOW)).extracting(Task::target).containsExactly("demo/hr_test");
        r.complete("test-1", TaskOutcome.succeeded("applied"), NOW);
        r.approve("prod", BOB_APPROVER, "ok", NOW);
        assertThat(r.stage("prod").tasks()).extracting(Task::status)
                .containsExactly(TaskStatus.PENDING, TaskStatus.SKIPPED);
    }

    @Test
    void blocksWhenAVerdictReachesTheEnvironmentsBlockingSeverity() {
        Rollout r = readyRollout(BlockOn.WARNING, Verdict.WARN);
        r.advance(NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.BLOCKED);
        assertThat(r.message()).contains("demo/hr_prod (WARN)");
        assertThat(r.stage("prod").status()).isEqualTo(StageStatus.BLOCKED);
        assertThat(r.claimRunnable(4, NOW)).isEmpty();
    }

    @Test
    void doesNotBlockBelowTheBlockingSeverity() {
        Rollout r = readyRollout(BlockOn.ERROR, Verdict.WARN);
        r.advance(NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.IN_PROGRESS);
    }

    @Test
    void blockOnNeverStartsWithoutWaitingForReviews() {
        Rollout r = newRollout(config(), BlockOn.NEVER);
        r.attach(plan("demo/hr_test", "test", 1));
        r.attach(plan("demo/hr_prod", "prod", 1));
        r.attach(plan("demo/hr_prod2", "prod", 1));
        r.advance(NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.IN_PROGRESS);
    }

    @Test
    void aFailedPlanFailsTheRolloutBeforeAnythingRuns() {
        Rollout r = newRollout(config(), BlockOn.ERROR);
        r.attach(plan("demo/hr_test", "test", 1));
        r.attach(review("demo/hr_test", Verdict.PASS));
        r.attach(new PlanFailed("f", NOW, "sub-1", "hr", "demo/hr_prod", "prod", Mode.ROLLOUT, "TARGET_UNREACHABLE",
                "connection refused", null));
        r.attach(plan("demo/hr_prod2", "prod", 0));
        r.advance(NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(r.stage("prod").tasks().get(0).message()).contains("TARGET_UNREACHABLE: connection refused");
        assertThat(r.stage("test").status()).isEqualTo(StageStatus.CANCELED);
        assertThat(r.claimRunnable(4, NOW)).isEmpty();
    }

    @Test
    void automaticStageRunsThenApprovalStageWaitsForAnApprover() {
        Rollout r = readyRollout(BlockOn.ERROR, Verdict.PASS);
        r.advance(NOW);
        List<Task> claimed = r.claimRunnable(4, NOW);
        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(r.claimRunnable(4, NOW)).as("a running task is not claimed twice").isEmpty();

        r.complete("test-1", TaskOutcome.succeeded("applied 1 statement"), NOW);

        assertThat(r.stage("test").status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(r.stage("prod").status()).isEqualTo(StageStatus.AWAITING_APPROVAL);
        assertThat(r.status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
        assertThat(r.claimRunnable(4, NOW)).isEmpty();
    }

    @Test
    void submitterMayNotApproveTheirOwnProdStage() {
        Rollout r = awaitingProdApproval(config());
        assertThatThrownBy(() -> r.approve("prod", ALICE_SUBMITTER_APPROVER, "self", NOW))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("alice submitted rollout")
                .hasMessageContaining("submitter-may-approve=false")
                .extracting(e -> ((RolloutException) e).kind()).isEqualTo(RolloutException.Kind.FORBIDDEN);
        assertThat(r.status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
    }

    @Test
    void submitterMayApproveWhenConfigured() {
        Rollout r = awaitingProdApproval(config("converge.environments.prod.submitter-may-approve", "true"));
        r.approve("prod", ALICE_SUBMITTER_APPROVER, "fine", NOW);
        assertThat(r.stage("prod").status()).isEqualTo(StageStatus.IN_PROGRESS);
    }

    @Test
    void approvalNeedsTheApproverRole() {
        Rollout r = awaitingProdApproval(config());
        assertThatThrownBy(() -> r.approve("prod", VIEWER, null, NOW))
                .hasMessageContaining("needs role 'approver'");
    }

    @Test
    void approvalStartsTheStageAndIsAudited() {
        Rollout r = awaitingProdApproval(config());
        r.drainDecisions();
        r.approve("prod", BOB_APPROVER, "looks good", NOW);

        assertThat(r.status()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(r.stage("prod").approvedBy()).isEqualTo("bob");
        assertThat(r.drainDecisions()).containsExactly(new Decision("APPROVE", "prod", null, "bob", "looks good", NOW));
        assertThat(r.claimRunnable(1, NOW)).extracting(Task::target).containsExactly("demo/hr_prod");
        assertThat(r.claimRunnable(1, NOW)).as("bounded parallelism").isEmpty();

        r.complete("prod-1", TaskOutcome.succeeded("applied"), NOW);
        assertThat(r.claimRunnable(1, NOW)).extracting(Task::target).containsExactly("demo/hr_prod2");
        r.complete("prod-2", TaskOutcome.succeeded("applied"), NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.SUCCEEDED);
    }

    @Test
    void approvingAStageThatIsNotWaitingIsAConflict() {
        Rollout r = readyRollout(BlockOn.ERROR, Verdict.PASS);
        r.advance(NOW);
        assertThatThrownBy(() -> r.approve("prod", BOB_APPROVER, null, NOW))
                .extracting(e -> ((RolloutException) e).kind()).isEqualTo(RolloutException.Kind.CONFLICT);
        assertThatThrownBy(() -> r.approve("staging", BOB_APPROVER, null, NOW))
                .extracting(e -> ((RolloutException) e).kind()).isEqualTo(RolloutException.Kind.NOT_FOUND);
    }

    @Test
    void aFailedTaskLetsTheOthersFinishThenFailsTheStageAndCancelsLaterStages() {
        Rollout r = awaitingProdApproval(config("converge.environments.test.policy", "approval",
                "converge.projects.hr.environments.test.targets", "demo/hr_test,demo/hr_test2"));
        assertThat(r.currentStage().name()).isEqualTo("test");
        r.approve("test", BOB_APPROVER, null, NOW);
        List<Task> claimed = r.claimRunnable(4, NOW);
        assertThat(claimed).hasSize(2);

        r.complete(claimed.get(0).id(), TaskOutcome.failed("ERROR: relation \"x\" does not exist"), NOW);
        assertThat(r.status()).as("the other task is still running").isEqualTo(RolloutStatus.IN_PROGRESS);
        r.complete(claimed.get(1).id(), TaskOutcome.succeeded("applied"), NOW);

        assertThat(r.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(r.stage("test").status()).isEqualTo(StageStatus.FAILED);
        assertThat(r.stage("prod").status()).isEqualTo(StageStatus.CANCELED);
        assertThat(r.stage("prod").tasks()).extracting(Task::status).containsOnly(TaskStatus.CANCELED);
    }

    @Test
    void aDriftedTaskFailsTheStageAndCanBeRetried() {
        Rollout r = awaitingProdApproval(config());
        r.approve("prod", BOB_APPROVER, null, NOW);
        r.claimRunnable(4, NOW);
        r.complete("prod-1", TaskOutcome.drifted("table hr.emp changed"), NOW);
        r.complete("prod-2", TaskOutcome.succeeded("applied"), NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(r.stage("prod").status()).isEqualTo(StageStatus.FAILED);

        assertThatThrownBy(() -> r.retry("prod-1", VIEWER, null, NOW)).hasMessageContaining("needs role");
        r.retry("prod-1", BOB_APPROVER, "drift reverted", NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(r.claimRunnable(4, NOW)).extracting(Task::id).containsExactly("prod-1");
        assertThat(r.task("prod-1").attempt()).isEqualTo(2);
        r.complete("prod-1", TaskOutcome.succeeded("applied"), NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.SUCCEEDED);
    }

    @Test
    void rejectionCancelsTheRollout() {
        Rollout r = awaitingProdApproval(config());
        r.reject("prod", BOB_APPROVER, "not today", NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.CANCELED);
        assertThat(r.stage("prod").status()).isEqualTo(StageStatus.REJECTED);
        assertThat(r.message()).isEqualTo("stage prod rejected by bob: not today");
        assertThat(r.stage("prod").tasks()).extracting(Task::status).containsOnly(TaskStatus.CANCELED);
    }

    @Test
    void cancelLetsARunningTaskFinishButStartsNothingNew() {
        Rollout r = readyRollout(BlockOn.ERROR, Verdict.PASS);
        r.advance(NOW);
        r.claimRunnable(4, NOW);
        r.cancel(ALICE_SUBMITTER_APPROVER, "wrong branch", NOW);
        assertThat(r.status()).isEqualTo(RolloutStatus.CANCELED);
        assertThat(r.stage("test").status()).isEqualTo(StageStatus.IN_PROGRESS);
        assertThat(r.stage("prod").status()).isEqualTo(StageStatus.CANCELED);

        r.complete("test-1", TaskOutcome.succeeded("applied"), NOW);
        assertThat(r.task("test-1").status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(r.stage("test").status()).isEqualTo(StageStatus.CANCELED);
        assertThat(r.status()).isEqualTo(RolloutStatus.CANCELED);
        assertThatThrownBy(() -> r.cancel(ALICE_SUBMITTER_APPROVER, null, NOW))
                .extracting(e -> ((RolloutException) e).kind()).isEqualTo(RolloutException.Kind.CONFLICT);
    }

    @Test
    void transitionsAreNumberedInOrderAndCarryTheRolloutId() {
        Rollout r = readyRollout(BlockOn.ERROR, Verdict.PASS);
        r.advance(NOW);
        r.claimRunnable(4, NOW);
        r.complete("test-1", TaskOutcome.succeeded("applied"), NOW);
        List<Transition> ts = r.drainTransitions();

        assertThat(ts).extracting(Transition::seq).isSorted().doesNotHaveDuplicates();
        assertThat(ts).extracting(t -> t.subjectType() + ":" + t.subjectId() + ":" + t.status()).containsExactly(
                "ROLLOUT:" + r.id() + ":WAITING_FOR_PLANS",
                "ROLLOUT:" + r.id() + ":IN_PROGRESS",
                "STAGE:test:IN_PROGRESS",
                "TASK:test-1:RUNNING",
                "TASK:test-1:SUCCEEDED",
                "STAGE:test:SUCCEEDED",
                "STAGE:prod:AWAITING_APPROVAL",
                "ROLLOUT:" + r.id() + ":AWAITING_APPROVAL");
        assertThat(ts).allSatisfy(t -> assertThat(t.attributes()).containsEntry("rolloutId", r.id()));
        assertThat(ts.stream().filter(t -> t.subjectType() == SubjectType.TASK)).allSatisfy(t ->
                assertThat(t.target()).isEqualTo("demo/hr_test"));
        assertThat(r.drainTransitions()).isEmpty();
    }

    @Test
    void survivesAJsonRoundTrip() {
        Rollout r = awaitingProdApproval(config());
        Rollout copy = RolloutCodec.decode(RolloutCodec.encode(r));

        assertThat(copy.status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
        assertThat(copy.task("test-1").plan()).isEqualTo(r.task("test-1").plan());
        copy.approve("prod", BOB_APPROVER, null, NOW);
        assertThat(copy.drainTransitions()).first().extracting(Transition::seq)
                .isEqualTo(r.drainTransitions().size() + 1L);
    }

    private static Rollout awaitingProdApproval(ConvergeConfig config) {
        Rollout r = newRollout(config, BlockOn.ERROR);
        for (Task t : r.allTasks()) {
            r.attach(plan(t.target(), t.environment(), 1));
            r.attach(review(t.target(), Verdict.PASS));
        }
        r.advance(NOW);
        if (r.currentStage().name().equals("test") && r.status() == RolloutStatus.IN_PROGRESS) {
            for (Task t : r.claimRunnable(10, NOW)) {
                r.complete(t.id(), TaskOutcome.succeeded("applied"), NOW);
            }
        }
        return r;
    }
}
