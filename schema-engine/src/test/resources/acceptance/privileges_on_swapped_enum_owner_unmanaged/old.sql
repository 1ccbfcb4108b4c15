CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'meh', 'sad');
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
GRANT USAGE ON TYPE app.mood TO pv_seo_reader;
ALTER TYPE app.mood OWNER TO pv_seo_owner;
CREATE TABLE app.entry (id int, m app.mood);
