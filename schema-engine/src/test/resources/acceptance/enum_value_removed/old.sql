CREATE TYPE status AS ENUM ('draft', 'pending', 'active', 'retired');
COMMENT ON TYPE status IS 'life cycle';
CREATE TABLE items (
    id int PRIMARY KEY,
    s status NOT NULL DEFAULT 'draft',
    prev status DEFAULT 'pending',
    CONSTRAINT not_retired CHECK (s <> 'retired')
);
CREATE INDEX items_active ON items (id) WHERE s = 'active';
CREATE INDEX items_s ON items (s);
ALTER TABLE items ADD UNIQUE (id, s);
CREATE TABLE item_refs (id int, s status, FOREIGN KEY (id, s) REFERENCES items (id, s));
INSERT INTO items VALUES (1, 'draft', NULL), (2, 'active', 'draft');
INSERT INTO item_refs VALUES (2, 'active');
