CREATE EXTENSION btree_gist;
CREATE TABLE parent (id int PRIMARY KEY, code text);
CREATE TABLE child (id int, parent_id int, qty int, during tstzrange, room int);
