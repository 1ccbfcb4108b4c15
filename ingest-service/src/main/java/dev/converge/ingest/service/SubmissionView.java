package dev.converge.ingest.service;

import dev.converge.common.events.Finding;
import dev.converge.common.events.PlannedStatement;
import dev.converge.common.events.VcsMetadata;
import dev.converge.common.events.Verdict;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /v1/submissions/{id}} returns. {@code status}: {@code PLANNING} while a target has no plan yet,
 * {@code REVIEWING} while a plan waits for its review, {@code COMPLETED} once every target has a review or a
 * planning failure.
 */
public record SubmissionView(
        String id,
        String url,
        String project,
        String mode,
        String status,
        String submittedBy,
        Instant createdAt,
        VcsMetadata vcs,
        int fileCount,
        long totalBytes,
        String lastStatus,
        String lastMessage,
        List<TargetView> targets) {

    public static final String PLANNING = "PLANNING";
    public static final String REVIEWING = "REVIEWING";
    public static final String COMPLETED = "COMPLETED";

    /**
     * One target. {@code status}: {@code PLANNING}, {@code PLAN_FAILED}, {@code REVIEW_PENDING} or
     * {@code REVIEWED}.
     */
    public record TargetView(
            String target,
            String environment,
            String status,
            PlanView plan,
            ReviewView review,
            List<TargetError> errors,
            String lastStatus,
            String lastMessage) {
    }

    public record PlanView(
            String eventId,
            String baseHash,
            String desiredHash,
            String planHash,
            boolean empty,
            List<PlannedStatement> statements,
            List<String> summary) {
    }

    /** {@code status} is {@code PENDING} until the review arrives, then {@code COMPLETED}. */
    public record ReviewView(String status, Verdict verdict, List<Finding> findings, List<String> notices) {
        public static final ReviewView PENDING = new ReviewView("PENDING", null, List.of(), List.of());
    }

    /** A planning failure: machine-readable code, the reason, and file:line:column when the cause is in a file. */
    public record TargetError(String code, String message, String file, Integer line, Integer column) {
    }

    /** A page of {@code GET /v1/projects/{project}/submissions}; {@code next} is the cursor for the next page. */
    public record Page(List<SubmissionView> items, String next) {
    }
}
