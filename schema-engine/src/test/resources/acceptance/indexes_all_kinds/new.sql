CREATE TABLE docs (id int PRIMARY KEY, title text, body jsonb, owner int, created timestamptz, deleted boolean);
CREATE INDEX docs_changed ON docs (title text_pattern_ops);
CREATE UNIQUE INDEX docs_owner_title ON docs (owner, lower(title)) WHERE NOT deleted;
CREATE INDEX docs_body ON docs USING gin (body jsonb_path_ops);
CREATE INDEX docs_created ON docs (created DESC NULLS LAST) INCLUDE (title);
CREATE INDEX docs_hash ON docs USING hash (title);
CREATE UNIQUE INDEX docs_nnd ON docs (title, owner) NULLS NOT DISTINCT;
