CREATE SCHEMA app;
CREATE TABLE app.items (id int, price bigint, note text);
CREATE VIEW app.priced AS SELECT id, price, note FROM app.items;
COMMENT ON VIEW app.priced IS 'prices';
CREATE VIEW app.labels AS SELECT id, upper(note) AS label FROM app.items;
