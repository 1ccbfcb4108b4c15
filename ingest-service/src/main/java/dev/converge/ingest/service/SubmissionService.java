package dev.converge.ingest.service;

import dev.converge.common.Topics;
import dev.converge.common.config.ConvergeConfig;
import dev.converge.common.config.TargetRef;
import dev.converge.common.events.EventIds;
import dev.converge.common.events.SubmissionAccepted;
import dev.converge.common.json.Json;
import dev.converge.ingest.messaging.OutboxRelay;
import dev.converge.common.service.OutboxEntity;
import dev.converge.ingest.repository.SubmissionEntity;
import dev.converge.ingest.repository.TargetStateEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Accepts submissions: validates (off the event loop: the allowlist parses SQL), stores the submission, its
 * per-target read-model rows and the {@link SubmissionAccepted} outbox record in one transaction.
 */
@ApplicationScoped
public class SubmissionService {
    @Inject
    SubmissionValidator validator;
    @Inject
    ConvergeConfig config;
    @Inject
    SubmissionViews views;
    @Inject
    Vertx vertx;
    @Inject
    OutboxRelay relay;

    /** The outcome of a submit: the submission and whether it was an idempotent replay of an earlier one. */
    public record Submitted(String id, boolean replayed) {
    }

    public Uni<Submitted> submit(String project, SubmissionRequest request, String idempotencyKey, String principal) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> validator.validate(project, request)))
                .chain(valid -> store(valid, idempotencyKey, principal)
                        // Two concurrent requests with the same key: the loser hits the unique constraint and
                        // answers with the winner's submission (or 409 if the bodies differ).
                        .onFailure(SubmissionService::isUniqueViolation)
                        .recoverWithUni(() -> Panache.withSession(() -> replay(valid, idempotencyKey, principal)))
                        .onItem().ifNull().failWith(() -> new ApiException(409, "IDEMPOTENCY_CONFLICT",
                                "a concurrent request used the same Idempotency-Key; retry")))
                // Committed: publish now rather than at the next sweep.
                .invoke(submitted -> relay.kick());
    }

    private Uni<Submitted> store(ValidatedSubmission valid, String key, String principal) {
        return Panache.withTransaction(() -> {
            Uni<Submitted> existing = key == null ? Uni.createFrom().nullItem() : replay(valid, key, principal);
            return existing.chain(found -> found != null ? Uni.createFrom().item(found) : insert(valid, key, principal));
        });
    }

    private Uni<Submitted> replay(ValidatedSubmission valid, String key, String principal) {
        return SubmissionEntity.findByIdempotencyKey(principal, key).map(found -> {
            if (found == null) {
                return null;
            }
            if (!found.requestFingerprint.equals(valid.fingerprint())) {
                throw new ApiException(409, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key '" + key
                        + "' was already used for a different submission (" + found.id
                        + "); use a new key for a new request");
            }
            return new Submitted(found.id, true);
        });
    }

    private Uni<Submitted> insert(ValidatedSubmission valid, String key, String principal) {
        // Microseconds: what PostgreSQL stores, so that the keyset cursor compares equal values.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String id = UUID.randomUUID().toString();
        SubmissionEntity s = new SubmissionEntity();
        s.id = id;
        s.project = valid.project();
        s.mode = valid.mode().name();
        s.submittedBy = principal;
        s.idempotencyKey = key;
        s.requestFingerprint = valid.fingerprint();
        s.vcsJson = Json.encode(valid.vcs());
        s.fileCount = valid.files().size();
        s.totalBytes = valid.totalBytes();
        s.lastStatus = "ACCEPTED";
        s.createdAt = now;

        List<TargetStateEntity> targets = new ArrayList<>();
        int position = 0;
        for (TargetRef ref : valid.targets()) {
            TargetStateEntity t = new TargetStateEntity();
            t.id = TargetStateEntity.idOf(id, ref.toString());
            t.submissionId = id;
            t.target = ref.toString();
            t.environment = config.project(valid.project()).environmentOf(ref);
            t.position = position++;
            t.planStatus = TargetStateEntity.PLANNING;
            t.updatedAt = now;
            targets.add(t);
        }

        SubmissionAccepted event = new SubmissionAccepted(EventIds.of("submission-accepted", id), now, id,
                valid.project(), valid.mode(), valid.files(), valid.targetNames(), valid.customRules(), valid.vcs(), principal);
        OutboxEntity out = OutboxEntity.of(Topics.SUBMISSIONS, event);

        return s.persist()
                .chain(() -> TargetStateEntity.persist(targets))
                .chain(() -> out.persist())
                .chain(() -> Panache.getSession().chain(session -> session.flush()))
                .replaceWith(new Submitted(id, false));
    }

    public Uni<SubmissionView> get(String id) {
        return Panache.withSession(() -> SubmissionEntity.<SubmissionEntity>findById(id).chain(s -> {
            if (s == null) {
                return Uni.createFrom().failure(new ApiException(404, "UNKNOWN_SUBMISSION", "submission '" + id + "' does not exist"));
            }
            return TargetStateEntity.ofSubmission(id).map(targets -> views.of(s, targets));
        }));
    }

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 200;

    /** The {@code limit} query parameter: absent means {@link #DEFAULT_PAGE}; anything but 1..200 is a 400 naming it. */
    static int pageLimit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_PAGE;
        }
        String problem = "query parameter 'limit' must be a whole number between 1 and " + MAX_PAGE;
        int limit;
        try {
            limit = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            String shown = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
            throw new ApiException(400, "INVALID_REQUEST", problem + ", got '" + shown + "'",
                    List.of(ErrorDetail.field("limit", problem)));
        }
        return limit;
    }

    public Uni<SubmissionView.Page> list(String project, String limitParam, String after) {
        if (config.project(project) == null) {
            return Uni.createFrom().failure(new ApiException(404, "UNKNOWN_PROJECT", "project '" + project + "' is not configured"));
        }
        int limit;
        try {
            limit = pageLimit(limitParam);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withSession(() -> {
            Uni<SubmissionEntity> cursor = after == null || after.isBlank() ? Uni.createFrom().nullItem()
                    : SubmissionEntity.<SubmissionEntity>findById(after).onItem().ifNull().failWith(() ->
                    new ApiException(400, "INVALID_REQUEST", "'after' names no submission: " + after));
            return cursor.chain(c -> {
                if (c != null && !c.project.equals(project)) {
                    return Uni.createFrom().failure(new ApiException(400, "INVALID_REQUEST",
                            "'after' is a submission of another project"));
                }
                return SubmissionEntity.page(project, c, limit + 1);
            }).chain(page -> {
                List<SubmissionEntity> items = page.size() > limit ? page.subList(0, limit) : page;
                String next = page.size() > limit ? items.get(items.size() - 1).id : null;
                if (items.isEmpty()) {
                    return Uni.createFrom().item(new SubmissionView.Page(List.of(), null));
                }
                return TargetStateEntity.ofSubmissions(items.stream().map(s -> s.id).toList())
                        .map(targets -> new SubmissionView.Page(items.stream().map(s -> views.of(s,
                                targets.stream().filter(t -> t.submissionId.equals(s.id)).toList())).toList(), next));
            });
        });
    }

    private static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("submissions_idempotency_key") || m.contains("23505")) {
                return true;
            }
        }
        return false;
    }
}
