CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
CREATE TYPE "Color" AS ENUM ('red', 'it''s');
CREATE TABLE t (id int, m mood DEFAULT 'ok', c "Color"[], o text);
