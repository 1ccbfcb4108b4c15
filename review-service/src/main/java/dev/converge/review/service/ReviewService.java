package dev.converge.review.service;

import dev.converge.common.Topics;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.Finding;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.events.ReviewCompleted;
import dev.converge.common.events.StatusChanged;
import dev.converge.common.events.SubjectType;
import dev.converge.common.events.Verdict;
import dev.converge.common.json.Json;
import dev.converge.review.ai.AiOutcome;
import dev.converge.review.ai.AiReviewer;
import dev.converge.common.service.OutboxEntity;
import dev.converge.review.rules.RuleConfig;
import dev.converge.review.rules.RuleConfigs;
import dev.converge.review.rules.RuleEngine;
import dev.converge.review.rules.RuleReview;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reviews one plan: the rule catalogue (on a worker thread, with read-only access to the target for the
 * data-aware pre-checks) and the AI review run side by side; their findings, notices and the verdict become a
 * {@link ReviewCompleted} and a {@link StatusChanged}, written to the outbox.
 */
@ApplicationScoped
public class ReviewService {
    /** The events a review produces, ready to be written to the outbox. */
    public record Output(ReviewCompleted review, StatusChanged status) {
    }

    private final RuleEngine engine;
    private final RuleConfigs ruleConfigs;
    private final AiReviewer ai;
    private final TargetProbes probes;
    private final Clock clock = Clock.systemUTC();

    public ReviewService(RuleEngine engine, RuleConfigs ruleConfigs, AiReviewer ai, TargetProbes probes) {
        this.engine = engine;
        this.ruleConfigs = ruleConfigs;
        this.ai = ai;
        this.probes = probes;
    }

    /** Reviews the plan in a record; null for records that get no review (failed plans, unreadable records). */
    public Uni<Output> review(String payload) {
        PlanEvent event;
        try {
            event = Json.decode(payload, PlanEvent.class);
        } catch (Json.JsonCodecException e) {
            return Uni.createFrom().nullItem(); // the inbox logs and counts it
        }
        if (!(event instanceof PlanComputed plan)) {
            return Uni.createFrom().nullItem();
        }
        return review(plan);
    }

    public Uni<Output> review(PlanComputed plan) {
        Uni<RuleReview> rules = Uni.createFrom().item(() -> rules(plan))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return Uni.combine().all().unis(rules, ai.review(plan)).asTuple()
                .map(both -> output(plan, both.getItem1(), both.getItem2()));
    }

    private RuleReview rules(PlanComputed plan) {
        RuleConfig config = ruleConfigs.resolve(plan.project(), plan.environment());
        if (plan.isEmpty() || !config.dataChecks()) {
            return engine.review(plan, config, null);
        }
        try (PgTargetProbe probe = probes.open(plan.target(), config.dataCheckTimeoutMs())) {
            return engine.review(plan, config, probe);
        }
    }

    private Output output(PlanComputed plan, RuleReview rules, AiOutcome ai) {
        List<Finding> findings = new ArrayList<>(rules.findings());
        findings.addAll(ai.findings());
        List<String> notices = new ArrayList<>(rules.notices());
        notices.addAll(ai.notices());
        Verdict verdict = Verdict.of(findings);
        ReviewCompleted review = new ReviewCompleted(EventIds.of("review", plan.eventId()), clock.instant(),
                plan.submissionId(), plan.project(), plan.target(), plan.environment(), plan.eventId(), plan.planHash(),
                findings, verdict, notices);
        long fromAi = ai.findings().size();
        StatusChanged status = new StatusChanged(EventIds.of("review-status", plan.eventId()), clock.instant(),
                plan.submissionId(), plan.project(), SubjectType.REVIEW, plan.target(), plan.target(), "REVIEWED",
                "review of " + plan.target() + ": " + verdict + " (" + findings.size() + " finding(s))",
                Map.of("verdict", verdict.name(), "findings", String.valueOf(findings.size()),
                        "aiFindings", String.valueOf(fromAi), "notices", String.valueOf(notices.size())));
        return new Output(review, status);
    }

    /** Writes the review's events to the outbox (inside the inbox's transaction). */
    public Uni<Void> persist(Output output) {
        if (output == null) {
            return Uni.createFrom().voidItem();
        }
        return OutboxEntity.of(Topics.REVIEWS, output.review()).persist()
                .chain(() -> OutboxEntity.of(Topics.STATUS, output.status()).persist())
                .replaceWithVoid();
    }
}
