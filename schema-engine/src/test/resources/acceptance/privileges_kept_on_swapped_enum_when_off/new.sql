CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'happy');
COMMENT ON TYPE app.mood IS 'how it feels';
CREATE TABLE app.entry (id int, m app.mood);
