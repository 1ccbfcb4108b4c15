CREATE FUNCTION is_positive(v int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;
CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
CREATE FUNCTION body_only() RETURNS int LANGUAGE plpgsql AS $fn$ BEGIN RETURN 1; END; $fn$;
CREATE TABLE t (id int, name text, CONSTRAINT id_positive CHECK (is_positive(id)));
CREATE INDEX t_norm ON t (norm(name));
CREATE PROCEDURE gone() LANGUAGE sql AS $$ SELECT 1 $$;
