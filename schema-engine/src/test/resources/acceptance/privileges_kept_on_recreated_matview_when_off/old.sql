CREATE SCHEMA app;
CREATE TABLE app.sales (id int, amount int);
INSERT INTO app.sales VALUES (1, 5), (2, 7);
CREATE MATERIALIZED VIEW app.totals AS SELECT count(*) AS n, sum(amount) AS total FROM app.sales;
GRANT SELECT ON app.totals TO pv_kmv_reader WITH GRANT OPTION;
GRANT SELECT ON app.totals TO PUBLIC;
GRANT SELECT (total) ON app.totals TO pv_kmv_auditor;
GRANT SELECT ON app.sales TO pv_kmv_owner;
ALTER MATERIALIZED VIEW app.totals OWNER TO pv_kmv_owner;
-- a materialized view the plan creates would get these grants: the recreated one must not
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO pv_kmv_other;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, UPDATE ON TABLES TO pv_kmv_reader;
