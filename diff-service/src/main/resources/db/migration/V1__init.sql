-- diff-service: initial schema (Flyway runs it in schema "diff" of the system database).

-- Inbox: every event this service has processed, keyed by the event's stable id. Consumers check it before
-- handling a record, so a redelivered event is not applied twice.
create table inbox (
    event_id     varchar(64)  primary key,
    topic        varchar(200) not null,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now()
);

-- Outbox: events this service emits, written in the same transaction as the state change that causes them and
-- published afterwards, so a crash between the two cannot lose an event.
create table outbox (
    id           bigserial     primary key,
    event_id     varchar(64)   not null unique,
    topic        varchar(200)  not null,
    record_key   varchar(500)  not null,
    payload      text          not null,
    created_at   timestamptz   not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
