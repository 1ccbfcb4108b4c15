CREATE OR REPLACE PROCEDURE public.cleanup()
 LANGUAGE sql
AS $procedure$SELECT 1$procedure$;

CREATE OR REPLACE FUNCTION public.internal()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1$function$;

-- hazard: AUTHORIZATION_CHANGE: grant EXECUTE on procedure public.cleanup() to pv_sf_app
GRANT EXECUTE ON PROCEDURE public.cleanup() TO pv_sf_app;

-- hazard: AUTHORIZATION_CHANGE: revoke EXECUTE on procedure public.cleanup() from PUBLIC
REVOKE EXECUTE ON PROCEDURE public.cleanup() FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: revoke EXECUTE on function public.internal() from PUBLIC
REVOKE EXECUTE ON FUNCTION public.internal() FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: grant EXECUTE on function public.secret() to pv_sf_app
GRANT EXECUTE ON FUNCTION public.secret() TO pv_sf_app;

-- hazard: AUTHORIZATION_CHANGE: revoke EXECUTE on function public.secret() from PUBLIC
REVOKE EXECUTE ON FUNCTION public.secret() FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT, USAGE on sequence public.ticket_seq to pv_sf_app
GRANT SELECT, USAGE ON SEQUENCE public.ticket_seq TO pv_sf_app;
