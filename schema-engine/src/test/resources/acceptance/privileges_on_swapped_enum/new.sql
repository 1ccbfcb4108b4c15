CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'happy');
COMMENT ON TYPE app.mood IS 'how it feels';
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
GRANT USAGE ON TYPE app.mood TO pv_se_reader;
GRANT USAGE ON TYPE app.mood TO pv_se_writer WITH GRANT OPTION;
ALTER TYPE app.mood OWNER TO pv_se_owner;
CREATE TABLE app.entry (id int PRIMARY KEY, m app.mood NOT NULL DEFAULT 'happy');
