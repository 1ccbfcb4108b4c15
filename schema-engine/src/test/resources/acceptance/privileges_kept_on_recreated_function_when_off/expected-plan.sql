-- hazard: RECREATES_DEPENDENTS: drops and recreates function app.answer() because function app.answer() changes its result or arguments
DROP FUNCTION app.answer();

CREATE OR REPLACE FUNCTION app.answer()
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 42::bigint $function$;

-- hazard: AUTHORIZATION_CHANGE: grant EXECUTE on function app.answer() to pv_kfn_admin with grant option (kept: function app.answer() is recreated)
GRANT EXECUTE ON FUNCTION app.answer() TO pv_kfn_admin WITH GRANT OPTION;

-- hazard: AUTHORIZATION_CHANGE: grant EXECUTE on function app.answer() to pv_kfn_caller (kept: function app.answer() is recreated)
GRANT EXECUTE ON FUNCTION app.answer() TO pv_kfn_caller;

-- hazard: AUTHORIZATION_CHANGE: revoke EXECUTE on function app.answer() from PUBLIC (kept: function app.answer() is recreated)
REVOKE EXECUTE ON FUNCTION app.answer() FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: revoke EXECUTE on function app.answer() from pv_kfn_other (kept: function app.answer() is recreated)
REVOKE EXECUTE ON FUNCTION app.answer() FROM pv_kfn_other;

-- hazard: AUTHORIZATION_CHANGE: owner of function app.answer() (default) -> pv_kfn_owner (kept: function app.answer() is recreated)
ALTER FUNCTION app.answer() OWNER TO pv_kfn_owner;

-- hazard: RECREATES_DEPENDENTS: drops and recreates procedure app.bump(IN n integer) because procedure app.bump(IN n integer) changes its result or arguments
DROP PROCEDURE app.bump(IN n integer);

CREATE OR REPLACE PROCEDURE app.bump(IN n integer DEFAULT 2)
 LANGUAGE plpgsql
AS $procedure$ BEGIN RAISE NOTICE '%', n; END $procedure$;

-- hazard: AUTHORIZATION_CHANGE: grant EXECUTE on procedure app.bump(IN n integer) to pv_kfn_caller (kept: procedure app.bump(IN n integer) is recreated)
GRANT EXECUTE ON PROCEDURE app.bump(IN n integer) TO pv_kfn_caller;

-- hazard: AUTHORIZATION_CHANGE: revoke EXECUTE on procedure app.bump(IN n integer) from PUBLIC (kept: procedure app.bump(IN n integer) is recreated)
REVOKE EXECUTE ON PROCEDURE app.bump(IN n integer) FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: revoke EXECUTE on procedure app.bump(IN n integer) from pv_kfn_other (kept: procedure app.bump(IN n integer) is recreated)
REVOKE EXECUTE ON PROCEDURE app.bump(IN n integer) FROM pv_kfn_other;

-- hazard: AUTHORIZATION_CHANGE: owner of procedure app.bump(IN n integer) (default) -> pv_kfn_owner (kept: procedure app.bump(IN n integer) is recreated)
ALTER PROCEDURE app.bump(IN n integer) OWNER TO pv_kfn_owner;

-- hazard: RECREATES_DEPENDENTS: drops and recreates function app.twice(v integer) because function app.twice(v integer) changes its result or arguments
DROP FUNCTION app.twice(v integer);

CREATE OR REPLACE FUNCTION app.twice(v integer)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT v * 2.0 $function$;

-- hazard: AUTHORIZATION_CHANGE: grant EXECUTE on function app.twice(v integer) to pv_kfn_caller (kept: function app.twice(v integer) is recreated)
GRANT EXECUTE ON FUNCTION app.twice(v integer) TO pv_kfn_caller;

-- hazard: AUTHORIZATION_CHANGE: revoke EXECUTE on function app.twice(v integer) from pv_kfn_other (kept: function app.twice(v integer) is recreated)
REVOKE EXECUTE ON FUNCTION app.twice(v integer) FROM pv_kfn_other;
