CREATE EXTENSION citext;
CREATE SCHEMA ext;
CREATE EXTENSION pgcrypto WITH SCHEMA ext;
CREATE TABLE t (id int, email citext, token text DEFAULT ext.gen_random_uuid()::text);
