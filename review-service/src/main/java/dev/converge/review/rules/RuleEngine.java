package dev.converge.review.rules;

import dev.converge.common.events.Finding;
import dev.converge.common.events.FindingSource;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.Severity;
import dev.converge.common.events.SourceLocation;
import dev.converge.common.events.StateFile;
import dev.converge.common.events.Verdict;
import dev.converge.review.rules.catalog.RuleCatalog;
import dev.converge.review.rules.sql.DdlParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the rule catalogue over one plan: parses its statements and the desired schema, runs every enabled rule,
 * applies inline suppressions and the configured severities, and derives the verdict. A rule that throws does not
 * stop the others; its failure becomes a notice.
 */
public final class RuleEngine {
    public static final String SUPPRESSED = "review.suppressed";
    public static final String SUPPRESSION_INVALID = "review.suppression-invalid";

    private final List<Rule> rules;

    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleEngine standard() {
        return new RuleEngine(RuleCatalog.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    public Set<String> ruleIds() {
        return rules.stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The state files of a plan, or its desired SQL as one pseudo-file when the producer sent no files. */
    public static List<StateFile> filesOf(PlanComputed plan) {
        if (!plan.files().isEmpty()) {
            return plan.files();
        }
        return plan.desiredSchemaSql() == null ? List.of()
                : List.of(new StateFile("desired.sql", plan.desiredSchemaSql(), null));
    }

    /**
     * @param probe read-only access to the target for the data-aware pre-checks, or null when there is none
     */
    public RuleReview review(PlanComputed plan, RuleConfig config, TargetProbe probe) {
        List<StateFile> files = filesOf(plan);
        DesiredSchema desired = DesiredSchema.fromFiles(files);
        List<PlanStatement> statements = new ArrayList<>();
        for (PlannedStatement s : plan.statements()) {
            statements.add(new PlanStatement(s, DdlParser.parse(s.sql())));
        }
        List<String> notices = new ArrayList<>();
        ReviewContext ctx = new ReviewContext(plan, statements, desired, config,
                config.dataChecks() ? probe : null, notices);

        Map<String, Rule> byId = new LinkedHashMap<>();
        List<RuleHit> hits = new ArrayList<>();
        for (Rule rule : rules) {
            byId.put(rule.id(), rule);
            if (!config.isEnabled(rule.id())) {
                continue;
            }
            Hits ruleHits = new Hits(rule.id());
            try {
                rule.check(ctx, ruleHits);
            } catch (Exception e) {
                notices.add("rule " + rule.id() + " could not run: " + e.getMessage());
            }
            hits.addAll(ruleHits.all());
        }

        List<Finding> findings = new ArrayList<>();
        List<Suppression> suppressions = Suppression.parse(files, desired);
        Map<Suppression, Integer> used = new LinkedHashMap<>();
        for (Suppression s : suppressions) {
            used.put(s, 0);
        }
        for (RuleHit hit : hits) {
            Suppression by = suppressions.stream()
                    .filter(s -> !s.reason().isEmpty() && byId.containsKey(s.ruleId()) && s.covers(hit))
                    .findFirst().orElse(null);
            if (by != null) {
                used.merge(by, 1, Integer::sum);
                continue;
            }
            Rule rule = byId.get(hit.ruleId());
            findings.add(new Finding(hit.ruleId(), config.severityOf(rule), hit.statementIndex(),
                    hit.message() + " [" + rule.docAnchor() + "]", FindingSource.RULE,
                    locationOf(hit, desired), hit.suggestion()));
        }
        findings.addAll(suppressionFindings(used, byId));
        findings.sort(Comparator.comparingInt(Finding::statementIndex));
        return new RuleReview(findings, notices, Verdict.of(findings));
    }

    private static SourceLocation locationOf(RuleHit hit, DesiredSchema desired) {
        return desired.locationOf(hit.subject());
    }

    private static List<Finding> suppressionFindings(Map<Suppression, Integer> used, Map<String, Rule> byId) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Suppression, Integer> e : used.entrySet()) {
            Suppression s = e.getKey();
            if (!byId.containsKey(s.ruleId())) {
                out.add(new Finding(SUPPRESSION_INVALID, Severity.WARNING, -1, "converge:ignore names unknown rule '"
                        + s.ruleId() + "'; nothing was suppressed", FindingSource.RULE, s.location(),
                        "use a rule id from docs/rules.md"));
            } else if (s.reason().isEmpty()) {
                out.add(new Finding(SUPPRESSION_INVALID, Severity.WARNING, -1, "converge:ignore " + s.ruleId()
                        + " has no reason; nothing was suppressed", FindingSource.RULE, s.location(),
                        "write why: -- converge:ignore " + s.ruleId() + " <reason>"));
            } else {
                String scope = s.scope() == null ? "the whole plan" : s.scope().toString();
                out.add(new Finding(SUPPRESSED, Severity.INFO, -1, "rule " + s.ruleId() + " suppressed on " + scope
                        + " (" + e.getValue() + " finding(s)): " + s.reason(), FindingSource.RULE, s.location(), null));
            }
        }
        return out;
    }
}
