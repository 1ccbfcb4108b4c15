CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'meh', 'sad');
COMMENT ON TYPE app.mood IS 'how it feels';
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
GRANT USAGE ON TYPE app.mood TO pv_se_reader;
ALTER TYPE app.mood OWNER TO pv_se_owner;
CREATE TABLE app.entry (id int PRIMARY KEY, m app.mood NOT NULL DEFAULT 'happy');
INSERT INTO app.entry VALUES (1, 'happy'), (2, 'sad');
