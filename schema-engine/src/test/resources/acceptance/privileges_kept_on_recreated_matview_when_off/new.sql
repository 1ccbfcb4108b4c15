CREATE SCHEMA app;
CREATE TABLE app.sales (id int, amount int);
CREATE MATERIALIZED VIEW app.totals AS SELECT count(*) AS n, sum(amount) AS total FROM app.sales WHERE amount > 0;
