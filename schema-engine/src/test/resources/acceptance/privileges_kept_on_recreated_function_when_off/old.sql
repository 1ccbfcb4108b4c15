CREATE SCHEMA app;
CREATE FUNCTION app.answer() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$;
REVOKE EXECUTE ON FUNCTION app.answer() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.answer() TO pv_kfn_caller;
GRANT EXECUTE ON FUNCTION app.answer() TO pv_kfn_admin WITH GRANT OPTION;
ALTER FUNCTION app.answer() OWNER TO pv_kfn_owner;
-- keeps EXECUTE for PUBLIC (the default) and gets a grant
CREATE FUNCTION app.twice(v int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT v * 2 $$;
GRANT EXECUTE ON FUNCTION app.twice(int) TO pv_kfn_caller;
-- a changed default cannot be replaced either
CREATE PROCEDURE app.bump(n int DEFAULT 1) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', n; END $$;
REVOKE EXECUTE ON PROCEDURE app.bump(int) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE app.bump(int) TO pv_kfn_caller;
ALTER PROCEDURE app.bump(int) OWNER TO pv_kfn_owner;
-- a routine the plan creates would get this grant: the recreated ones must not
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON ROUTINES TO pv_kfn_other;
