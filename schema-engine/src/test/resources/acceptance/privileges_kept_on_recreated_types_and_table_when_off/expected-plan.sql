-- hazard: DELETES_DATA: drops table app.events and all its rows
DROP TABLE app.events;

CREATE TABLE app.events (
    id integer,
    at date,
    note text
) PARTITION BY RANGE (at);

-- hazard: AUTHORIZATION_CHANGE: grant SELECT on table app.events to PUBLIC (kept: table app.events is recreated)
GRANT SELECT ON TABLE app.events TO PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: grant INSERT, SELECT, UPDATE (note) on table app.events to pv_kot_user (kept: table app.events is recreated)
GRANT INSERT, SELECT, UPDATE (note) ON TABLE app.events TO pv_kot_user;

-- hazard: AUTHORIZATION_CHANGE: revoke SELECT on table app.events from pv_kot_other (kept: table app.events is recreated)
REVOKE SELECT ON TABLE app.events FROM pv_kot_other;

-- hazard: AUTHORIZATION_CHANGE: owner of table app.events (default) -> pv_kot_owner (kept: table app.events is recreated)
ALTER TABLE app.events OWNER TO pv_kot_owner;

-- hazard: RECREATES_DEPENDENTS: drops and recreates domain app.code because domain app.code changes its base type
DROP DOMAIN app.code;

CREATE DOMAIN app.code AS bigint;

-- hazard: AUTHORIZATION_CHANGE: grant USAGE on domain app.code to pv_kot_user with grant option (kept: domain app.code is recreated)
GRANT USAGE ON DOMAIN app.code TO pv_kot_user WITH GRANT OPTION;

-- hazard: AUTHORIZATION_CHANGE: revoke USAGE on domain app.code from PUBLIC (kept: domain app.code is recreated)
REVOKE USAGE ON DOMAIN app.code FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: revoke USAGE on domain app.code from pv_kot_other (kept: domain app.code is recreated)
REVOKE USAGE ON DOMAIN app.code FROM pv_kot_other;

-- hazard: AUTHORIZATION_CHANGE: owner of domain app.code (default) -> pv_kot_owner (kept: domain app.code is recreated)
ALTER DOMAIN app.code OWNER TO pv_kot_owner;

-- hazard: RECREATES_DEPENDENTS: drops and recreates range type app.span because range type app.span changes
DROP TYPE app.span;

CREATE TYPE app.span AS RANGE (SUBTYPE = bigint, MULTIRANGE_TYPE_NAME = app.span_multirange);

-- hazard: AUTHORIZATION_CHANGE: grant USAGE on range type app.span to pv_kot_user (kept: range type app.span is recreated)
GRANT USAGE ON TYPE app.span TO pv_kot_user;

-- hazard: AUTHORIZATION_CHANGE: revoke USAGE on range type app.span from pv_kot_other (kept: range type app.span is recreated)
REVOKE USAGE ON TYPE app.span FROM pv_kot_other;

-- hazard: AUTHORIZATION_CHANGE: owner of range type app.span (default) -> pv_kot_owner (kept: range type app.span is recreated)
ALTER TYPE app.span OWNER TO pv_kot_owner;
