CREATE TABLE t (id int) WITH (fillfactor = 80);
CREATE TABLE u (id int);
