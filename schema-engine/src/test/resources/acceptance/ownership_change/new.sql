CREATE SCHEMA app;
ALTER SCHEMA app OWNER TO pv_oc_owner;
CREATE TABLE app.accounts (id int);
ALTER TABLE app.accounts OWNER TO pv_oc_owner;
-- back to the role that runs migrations
CREATE TABLE app.legacy (id int);
CREATE SEQUENCE app.counter;
ALTER SEQUENCE app.counter OWNER TO pv_oc_owner;
CREATE VIEW app.active AS SELECT id FROM app.accounts;
ALTER VIEW app.active OWNER TO pv_oc_owner;
CREATE FUNCTION app.answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
ALTER FUNCTION app.answer() OWNER TO pv_oc_owner;
CREATE TYPE app.mood AS ENUM ('ok');
ALTER TYPE app.mood OWNER TO pv_oc_owner;
-- created by the plan, then handed over
CREATE TABLE app.created (id int);
ALTER TABLE app.created OWNER TO pv_oc_owner;
