CREATE TYPE app.mood_converge_swap AS ENUM ('sad', 'happy');

-- hazard: TABLE_REWRITE: rewrites table app.entry to convert app.entry.m to the new enum app.mood
-- hazard: ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of app.entry during the rewrite
-- hazard: MAY_FAIL_ON_DATA: rows of app.entry.m holding a removed value of app.mood (meh) make the cast fail at apply time; update them first
ALTER TABLE app.entry ALTER COLUMN m TYPE app.mood_converge_swap USING m::text::app.mood_converge_swap;

DROP TYPE app.mood;

ALTER TYPE app.mood_converge_swap RENAME TO mood;

COMMENT ON TYPE app.mood IS 'how it feels';

-- hazard: AUTHORIZATION_CHANGE: grant USAGE on type app.mood to pv_sek_reader with grant option (kept: enum app.mood is replaced by a new type)
GRANT USAGE ON TYPE app.mood TO pv_sek_reader WITH GRANT OPTION;

-- hazard: AUTHORIZATION_CHANGE: revoke USAGE on type app.mood from PUBLIC (kept: enum app.mood is replaced by a new type)
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: revoke USAGE on type app.mood from pv_sek_other (kept: enum app.mood is replaced by a new type)
REVOKE USAGE ON TYPE app.mood FROM pv_sek_other;

-- hazard: AUTHORIZATION_CHANGE: owner of type app.mood (default) -> pv_sek_owner (kept: enum app.mood is replaced by a new type)
ALTER TYPE app.mood OWNER TO pv_sek_owner;
