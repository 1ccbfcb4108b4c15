CREATE EXTENSION hstore;
CREATE TABLE t (id int, h hstore);
