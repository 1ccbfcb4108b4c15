package dev.converge.diff.service;

import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.Instance;
import dev.converge.common.config.Project;
import dev.converge.common.config.TargetRef;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.PlanComputed;
import dev.converge.common.events.PlanEvent;
import dev.converge.common.events.PlanFailed;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.engine.DbConn;
import dev.converge.engine.DesiredSource;
import dev.converge.engine.EngineException;
import dev.converge.engine.SchemaEngine;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanOptions;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Plans one target of a submission with the (blocking) schema engine and turns the outcome into the target's
 * plan event: {@link PlanComputed}, or {@link PlanFailed} with a reason a person can act on. Never throws.
 * The event id is {@code EventIds.of(submissionId, target)}, so re-planning after a redelivery yields the same id.
 */
public class TargetPlanner {
    private static final Logger LOG = Logger.getLogger(TargetPlanner.class);

    private final ConvergeConfig config;
    private final SchemaEngine engine;
    private final PlanOptions options;
    private final Clock clock;

    public TargetPlanner(ConvergeConfig config, SchemaEngine engine, PlanOptions options, Clock clock) {
        this.config = config;
        this.engine = engine;
        this.options = options;
        this.clock = clock;
    }

    public static String eventId(String submissionId, String target) {
        return EventIds.of(submissionId, target);
    }

    public PlanEvent plan(SubmissionAccepted submission, String targetName) {
        String eventId = eventId(submission.submissionId(), targetName);
        TargetRef target;
        Instance instance;
        String environment = null;
        PlanOptions projectOptions = options;
        java.util.Set<String> allowedExtensions = java.util.Set.of();
        try {
            target = TargetRef.parse(targetName);
            instance = config.instance(target.instance());
            Project project = config.project(submission.project());
            if (project != null) {
                environment = project.environmentOf(target);
                // privileges and owners are planned only for projects that turn them on
                projectOptions = options.withAuthorization(project.managePrivileges(), project.manageOwnership());
                // untrusted extensions are the project's explicit choice, never the submission's
                allowedExtensions = project.allowedExtensions();
            }
        } catch (IllegalArgumentException e) {
            return failed(submission, targetName, null, eventId, "INTERNAL", e.getMessage());
        }
        if (instance == null) {
            return failed(submission, targetName, environment, eventId, "TARGET_UNREACHABLE", "instance '"
                    + target.instance() + "' of target " + targetName + " is not configured in diff-service");
        }
        try {
            DbConn conn = connection(instance, target.database());
            Instance shadowInstance = instance.shadowInstance() == null ? null : config.instance(instance.shadowInstance());
            DbConn shadow = shadowInstance == null ? null : connection(shadowInstance, "postgres");
            Plan plan = engine.plan(conn, DesiredSource.files(submission.files(), shadow).allowingExtensions(allowedExtensions),
                    projectOptions);
            return new PlanComputed(eventId, clock.instant(), submission.submissionId(), submission.project(), targetName,
                    environment, submission.mode(), plan.baseHash(), plan.desiredHash(), plan.planHash(), plan.toEvents(),
                    plan.summary(), null, submission.files(), submission.customRules());
        } catch (EngineException e) {
            String reason = redact(e.getMessage(), instance);
            if (e.code() == EngineException.Code.TARGET_UNREACHABLE && !reason.contains(targetName)) {
                reason = "target " + targetName + " is unreachable: " + reason;
            }
            return new PlanFailed(eventId, clock.instant(), submission.submissionId(), submission.project(), targetName,
                    environment, submission.mode(), e.code().name(), reason, e.location().orElse(null));
        } catch (RuntimeException e) {
            LOG.errorf(e, "planning %s of submission %s failed unexpectedly", targetName, submission.submissionId());
            return failed(submission, targetName, environment, eventId, "INTERNAL", "planning failed unexpectedly: "
                    + redact(String.valueOf(e.getMessage()), instance) + " (see the diff-service log)");
        }
    }

    private PlanFailed failed(SubmissionAccepted s, String target, String environment, String eventId, String code, String reason) {
        return new PlanFailed(eventId, clock.instant(), s.submissionId(), s.project(), target, environment, s.mode(),
                code, reason, null);
    }

    private static DbConn connection(Instance instance, String database) {
        return new DbConn(instance.host(), instance.port(), database, instance.username(), instance.password());
    }

    /** Credentials never travel in events: a password that slipped into a message is masked. */
    static String redact(String message, Instance instance) {
        if (message == null) {
            return "";
        }
        String m = message;
        if (instance.password() != null && !instance.password().isEmpty()) {
            m = m.replace(instance.password(), "***");
        }
        return m.replaceAll("(//[^:/@\\s]+):[^@/\\s]*@", "$1:***@").replaceAll("(?i)(password=)[^&\\s]*", "$1***");
    }
}
