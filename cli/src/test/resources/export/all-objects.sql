-- Every object kind of issue 4 that Converge manages, for the export round trip.
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application';
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
COMMENT ON TYPE app.mood IS 'how it went';
CREATE TYPE app.point2 AS (x double precision, y double precision);
CREATE TYPE app.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE DOMAIN app.email AS text COLLATE "C" CONSTRAINT email_at CHECK (VALUE LIKE '%@%');
CREATE DOMAIN app.positive AS int NOT NULL DEFAULT 1 CHECK (VALUE > 0);
CREATE SEQUENCE app.ticket_no START 100 INCREMENT 5;

CREATE TABLE app.users (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email app.email NOT NULL UNIQUE,
    name text COLLATE "C",
    mood app.mood DEFAULT 'ok',
    moods app.mood[],
    spot app.point2,
    span app.floatrange,
    score app.positive,
    ticket int DEFAULT nextval('app.ticket_no'),
    tenant text NOT NULL DEFAULT current_user,
    upper_name text GENERATED ALWAYS AS (upper(name)) STORED
);
COMMENT ON TABLE app.users IS 'people';
COMMENT ON COLUMN app.users.email IS 'login';
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.users FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON app.users FOR SELECT USING (tenant = current_user);
CREATE POLICY insert_own ON app.users AS RESTRICTIVE FOR INSERT WITH CHECK (tenant = current_user);
COMMENT ON POLICY own_rows ON app.users IS 'tenants see their rows';

CREATE FUNCTION app.valid_name(n text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(n) > 1 $$;
CREATE TABLE app.orders (
    id bigint NOT NULL,
    user_id int REFERENCES app.users ON DELETE CASCADE,
    placed date NOT NULL,
    note text CHECK (app.valid_name(note)),
    PRIMARY KEY (id, placed)
) PARTITION BY RANGE (placed);
CREATE INDEX orders_user ON app.orders (user_id);
CREATE TABLE app.orders_2024 PARTITION OF app.orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.orders_rest PARTITION OF app.orders DEFAULT;
CREATE INDEX users_lower_name ON app.users (app.valid_name(name)) WHERE mood <> 'sad';

CREATE VIEW app.happy_users WITH (security_barrier = true) AS
    SELECT id, name, mood FROM app.users WHERE mood = 'happy' WITH LOCAL CHECK OPTION;
COMMENT ON VIEW app.happy_users IS 'only the happy ones';
CREATE VIEW app.user_names AS SELECT id, name FROM app.users;
CREATE MATERIALIZED VIEW app.order_counts AS SELECT user_id, count(*) AS n FROM app.orders GROUP BY user_id;
CREATE UNIQUE INDEX order_counts_user ON app.order_counts (user_id);

CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.name := coalesce(NEW.name, 'anonymous');
    RETURN NEW;
END $$;
CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE OF name ON app.users
    FOR EACH ROW WHEN (NEW.name IS NULL) EXECUTE FUNCTION app.touch();
CREATE FUNCTION app.names_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO app.users (email, name) VALUES (NEW.name || '@example.org', NEW.name);
    RETURN NEW;
END $$;
CREATE TRIGGER user_names_insert INSTEAD OF INSERT ON app.user_names FOR EACH ROW EXECUTE FUNCTION app.names_insert();
CREATE FUNCTION app.orders_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER orders_late AFTER INSERT ON app.orders_2024 DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION app.orders_check();
ALTER TABLE app.users DISABLE TRIGGER users_touch;
COMMENT ON TRIGGER users_touch ON app.users IS 'fills names';

CREATE PROCEDURE app.rename_user(uid int, n text) LANGUAGE sql AS $$ UPDATE app.users SET name = n WHERE id = uid $$;
COMMENT ON PROCEDURE app.rename_user(int, text) IS 'renames';
COMMENT ON FUNCTION app.valid_name(text) IS 'two letters at least';
