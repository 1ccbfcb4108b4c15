CREATE TABLE t (id int) WITH (fillfactor = 50, autovacuum_enabled = false);
CREATE UNLOGGED TABLE u (id int);
