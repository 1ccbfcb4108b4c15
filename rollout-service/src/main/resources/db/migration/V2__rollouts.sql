-- rollout-service: rollouts, their inputs, audit trail and the status event log (schema "rollout").

-- One row per rollout. The aggregate (stages, tasks, plans, verdicts) is stored whole as JSON in "document" and
-- always changed under a row lock; the other columns are copies for listing and scheduling.
create table rollouts (
    id            varchar(64)  primary key,
    project       varchar(200) not null,
    submission_id varchar(64)  not null unique,
    status        varchar(40)  not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    document      text         not null
);
create index rollouts_by_project on rollouts (project, created_at desc);
create index rollouts_active on rollouts (status) where status in ('WAITING_FOR_PLANS', 'IN_PROGRESS', 'AWAITING_APPROVAL');

-- Plans and reviews of ROLLOUT submissions as they arrive (possibly before the submission itself); re-applied to
-- the rollout idempotently until it has everything it waits for.
create table rollout_inputs (
    event_id      varchar(64)  primary key,
    submission_id varchar(64)  not null,
    kind          varchar(40)  not null,
    payload       text         not null,
    received_at   timestamptz  not null default now()
);
create index rollout_inputs_by_submission on rollout_inputs (submission_id, received_at);

-- Every decision: who created, approved, rejected, canceled or retried what, when, and why.
create table audit (
    id         bigserial    primary key,
    rollout_id varchar(64)  not null,
    action     varchar(40)  not null,
    stage      varchar(200),
    task_id    varchar(200),
    principal  varchar(200) not null,
    comment    text,
    at         timestamptz  not null
);
create index audit_by_rollout on audit (rollout_id, id);

-- Status events in commit order: the monotonically increasing id is the SSE event id (Last-Event-ID resumes after it).
create table event_log (
    id            bigserial    primary key,
    event_id      varchar(64)  not null unique,
    project       varchar(200),
    submission_id varchar(64),
    rollout_id    varchar(64),
    payload       text         not null,
    created_at    timestamptz  not null default now()
);
create index event_log_by_rollout on event_log (rollout_id, id);
