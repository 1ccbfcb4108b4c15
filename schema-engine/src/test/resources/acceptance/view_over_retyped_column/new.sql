CREATE TABLE items (id int PRIMARY KEY, price numeric(10,2), name text);
CREATE VIEW cheap AS SELECT id, price FROM items WHERE price < 10;
CREATE VIEW cheap_names AS SELECT c.id, i.name FROM cheap c JOIN items i USING (id);
CREATE MATERIALIZED VIEW price_stats AS SELECT count(*) AS n, max(price) AS top FROM items;
CREATE INDEX price_stats_n ON price_stats (n);
COMMENT ON VIEW cheap IS 'cheap items';
COMMENT ON COLUMN cheap.price IS 'in euros';
CREATE VIEW checked WITH (check_option = local, security_barrier = true) AS SELECT id, name FROM items WHERE id > 0;
