-- Submissions accepted by ingest and the per-target read model (plan, failure, review) that
-- GET /v1/submissions/{id} returns. SubmissionAccepted travels through the outbox of V1.

CREATE TABLE IF NOT EXISTS submissions (
    id                  varchar(36) PRIMARY KEY,
    project             text        NOT NULL,
    mode                varchar(16) NOT NULL,
    submitted_by        text        NOT NULL,
    idempotency_key     text,
    request_fingerprint varchar(64) NOT NULL,
    vcs_json            text,
    file_count          integer     NOT NULL,
    total_bytes         bigint      NOT NULL,
    last_status         text,
    last_message        text,
    created_at          timestamptz NOT NULL,
    CONSTRAINT submissions_idempotency_key UNIQUE (submitted_by, idempotency_key)
);

CREATE INDEX IF NOT EXISTS submissions_by_project ON submissions (project, created_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS submission_targets (
    id              text        PRIMARY KEY,
    submission_id   varchar(36) NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    target          text        NOT NULL,
    environment     text,
    position        integer     NOT NULL,
    plan_status     varchar(32) NOT NULL,
    plan_event_id   varchar(36),
    plan_json       text,
    failure_json    text,
    review_event_id varchar(36),
    review_json     text,
    last_status     text,
    last_message    text,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT submission_targets_unique UNIQUE (submission_id, target)
);
