CREATE EXTENSION btree_gist;
CREATE TABLE parent (id int PRIMARY KEY, code text, CONSTRAINT parent_code_key UNIQUE NULLS NOT DISTINCT (code));
CREATE TABLE child (
  id int PRIMARY KEY,
  parent_id int,
  qty int,
  during tstzrange,
  room int,
  CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) MATCH FULL ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT qty_positive CHECK (qty > 0),
  CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
);
ALTER TABLE child ADD CONSTRAINT qty_small CHECK (qty < 1000) NOT VALID;
