CREATE TABLE docs (id int PRIMARY KEY, title text, body jsonb, owner int, created timestamptz, deleted boolean);
CREATE INDEX docs_changed ON docs (title);
CREATE INDEX docs_gone ON docs (owner);
