CREATE DOMAIN posint AS int DEFAULT 1 NOT NULL CONSTRAINT posint_check CHECK (VALUE > 0) CONSTRAINT small CHECK (VALUE < 1000000);
CREATE DOMAIN unused AS text COLLATE "C";
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TYPE pair AS (a int, c text COLLATE "C");
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE "Point 3" AS (x float8, y float8, z float8);
CREATE TABLE t (id posint, e email, p pair, r floatrange, q "Point 3");
COMMENT ON DOMAIN posint IS 'positive';
