CREATE SCHEMA app;
-- a domain no column uses changes its base type, a range type its subtype: both are dropped and created
CREATE DOMAIN app.code AS int;
REVOKE USAGE ON DOMAIN app.code FROM PUBLIC;
GRANT USAGE ON DOMAIN app.code TO pv_kot_user WITH GRANT OPTION;
ALTER DOMAIN app.code OWNER TO pv_kot_owner;
CREATE TYPE app.span AS RANGE (subtype = int4);
GRANT USAGE ON TYPE app.span TO pv_kot_user;
ALTER TYPE app.span OWNER TO pv_kot_owner;
-- becomes partitioned: dropped and created (legacy goes, and its column grant with it)
CREATE TABLE app.events (id int, at date, note text, legacy text);
GRANT SELECT, INSERT ON app.events TO pv_kot_user;
GRANT UPDATE (note, legacy) ON app.events TO pv_kot_user;
GRANT SELECT ON app.events TO PUBLIC;
ALTER TABLE app.events OWNER TO pv_kot_owner;
-- objects the plan creates would get these grants: the recreated ones must not
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON TYPES TO pv_kot_other;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO pv_kot_other;
