CREATE TYPE app.mood_converge_swap AS ENUM ('sad', 'happy');

ALTER TABLE app.entry ALTER COLUMN m DROP DEFAULT;

-- hazard: TABLE_REWRITE: rewrites table app.entry to convert app.entry.m to the new enum app.mood
-- hazard: ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of app.entry during the rewrite
-- hazard: MAY_FAIL_ON_DATA: rows of app.entry.m holding a removed value of app.mood (meh) make the cast fail at apply time; update them first
ALTER TABLE app.entry ALTER COLUMN m TYPE app.mood_converge_swap USING m::text::app.mood_converge_swap;

DROP TYPE app.mood;

ALTER TYPE app.mood_converge_swap RENAME TO mood;

COMMENT ON TYPE app.mood IS 'how it feels';

ALTER TABLE app.entry ALTER COLUMN m SET DEFAULT 'happy'::app.mood;

-- hazard: AUTHORIZATION_CHANGE: grant USAGE on type app.mood to pv_se_reader
GRANT USAGE ON TYPE app.mood TO pv_se_reader;

-- hazard: AUTHORIZATION_CHANGE: grant USAGE on type app.mood to pv_se_writer with grant option
GRANT USAGE ON TYPE app.mood TO pv_se_writer WITH GRANT OPTION;

-- hazard: AUTHORIZATION_CHANGE: revoke USAGE on type app.mood from PUBLIC
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: owner of type app.mood (default) -> pv_se_owner
ALTER TYPE app.mood OWNER TO pv_se_owner;
