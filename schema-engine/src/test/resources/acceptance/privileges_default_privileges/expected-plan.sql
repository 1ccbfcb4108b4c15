CREATE TABLE public.fresh (
    id integer
);

CREATE TABLE public.fresh_private (
    id integer
);

CREATE OR REPLACE FUNCTION public.fresh_fn()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1$function$;

-- hazard: AUTHORIZATION_CHANGE: revoke SELECT on table public.fresh_private from pv_dp_reader
REVOKE SELECT ON TABLE public.fresh_private FROM pv_dp_reader;

-- hazard: AUTHORIZATION_CHANGE: revoke INSERT on table public.fresh_private from pv_dp_writer
REVOKE INSERT ON TABLE public.fresh_private FROM pv_dp_writer;
