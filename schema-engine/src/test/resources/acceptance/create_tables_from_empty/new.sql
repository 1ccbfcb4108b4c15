CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text COLLATE "C",
  tags text[] DEFAULT '{}',
  score numeric(10,2) DEFAULT 0 CHECK (score >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  matrix integer[][],
  lower_email text GENERATED ALWAYS AS (lower(email)) STORED
);
CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v bytea) WITH (fillfactor = 70);
CREATE TABLE orders (
  id serial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  total numeric
);
