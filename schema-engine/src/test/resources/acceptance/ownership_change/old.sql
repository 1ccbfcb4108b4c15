CREATE SCHEMA app;
CREATE TABLE app.accounts (id int);
CREATE TABLE app.legacy (id int);
ALTER TABLE app.legacy OWNER TO pv_oc_old;
CREATE SEQUENCE app.counter;
CREATE VIEW app.active AS SELECT id FROM app.accounts;
CREATE FUNCTION app.answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
CREATE TYPE app.mood AS ENUM ('ok');
