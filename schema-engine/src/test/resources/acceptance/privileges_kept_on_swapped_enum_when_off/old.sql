CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'meh', 'sad');
COMMENT ON TYPE app.mood IS 'how it feels';
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
GRANT USAGE ON TYPE app.mood TO pv_sek_reader WITH GRANT OPTION;
ALTER TYPE app.mood OWNER TO pv_sek_owner;
CREATE TABLE app.entry (id int, m app.mood);
INSERT INTO app.entry VALUES (1, 'happy'), (2, 'sad');
-- a type the plan creates would get this grant: the swapped type must not
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON TYPES TO pv_sek_other;
