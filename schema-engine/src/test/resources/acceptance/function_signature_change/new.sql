CREATE FUNCTION is_positive(v bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;
CREATE FUNCTION norm(t text) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT upper(t) $$;
CREATE FUNCTION body_only() RETURNS int LANGUAGE plpgsql AS $fn$ BEGIN RETURN 2; END; $fn$;
CREATE TABLE t (id int, name text, CONSTRAINT id_positive CHECK (is_positive(id)));
CREATE INDEX t_norm ON t (norm(name));
COMMENT ON FUNCTION norm(text) IS 'normalises';
CREATE PROCEDURE added(x int) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', x; END $$;
