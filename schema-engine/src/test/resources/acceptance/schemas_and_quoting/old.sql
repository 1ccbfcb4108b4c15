CREATE SCHEMA old_schema;
CREATE TABLE old_schema.x (id int);
CREATE SCHEMA "Sales";
