-- AI review answers, validated, keyed by sha256(prompt version, model, custom rules, plan SQL, schema context):
-- one model call per distinct plan, whatever the number of targets and re-runs.
create table ai_cache (
    cache_key   varchar(64)  primary key,
    model       varchar(200) not null,
    answer_json text         not null,
    created_at  timestamptz  not null default now()
);
