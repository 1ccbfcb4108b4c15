CREATE SCHEMA app;
CREATE TABLE app.items (id int, price int, note text);
CREATE VIEW app.priced AS SELECT id, price, note FROM app.items;
COMMENT ON VIEW app.priced IS 'prices';
GRANT SELECT ON app.priced TO pv_krv_reader;
GRANT SELECT, INSERT ON app.priced TO pv_krv_writer WITH GRANT OPTION;
GRANT UPDATE (price, note) ON app.priced TO pv_krv_clerk;
GRANT SELECT (id) ON app.priced TO PUBLIC;
ALTER VIEW app.priced OWNER TO pv_krv_owner;
-- redefined (note is no longer a column): its column grant goes with the column
CREATE VIEW app.labels AS SELECT id, note FROM app.items;
GRANT SELECT (id, note) ON app.labels TO pv_krv_clerk;
GRANT SELECT ON app.labels TO pv_krv_reader;
INSERT INTO app.items VALUES (1, 10, 'a');
GRANT SELECT ON app.items TO pv_krv_owner;
-- a view the plan creates would get this grant: the recreated views must not
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO pv_krv_other;
