CREATE SCHEMA app;
CREATE DOMAIN app.code AS bigint;
CREATE TYPE app.span AS RANGE (subtype = int8);
CREATE TABLE app.events (id int, at date, note text) PARTITION BY RANGE (at);
