CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad');
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
GRANT USAGE ON TYPE app.mood TO pv_seo_reader;
CREATE TABLE app.entry (id int, m app.mood);
