CREATE SCHEMA app;
CREATE TABLE app.sales (id int, amount int);
INSERT INTO app.sales VALUES (1, 5), (2, 7);
GRANT SELECT ON app.sales TO pv_mrf_owner;
CREATE MATERIALIZED VIEW app.totals AS SELECT sum(amount) AS total FROM app.sales;
GRANT SELECT ON app.totals TO pv_mrf_reader;
ALTER MATERIALIZED VIEW app.totals OWNER TO pv_mrf_owner;
CREATE FUNCTION app.answer() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$;
REVOKE EXECUTE ON FUNCTION app.answer() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.answer() TO pv_mrf_caller;
ALTER FUNCTION app.answer() OWNER TO pv_mrf_owner;
-- objects the plan creates would get these grants: the recreated ones start with them and lose them
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO pv_mrf_other;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON ROUTINES TO pv_mrf_other;
