CREATE TABLE public.invoices (
    id bigint
);

-- hazard: AUTHORIZATION_CHANGE: grant SELECT on table public.audit to pv_tg_reader
GRANT SELECT ON TABLE public.audit TO pv_tg_reader;

-- hazard: AUTHORIZATION_CHANGE: revoke SELECT on table public.audit from PUBLIC
REVOKE SELECT ON TABLE public.audit FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: grant DELETE, SELECT on table public.invoices to pv_tg_reader
GRANT DELETE, SELECT ON TABLE public.invoices TO pv_tg_reader;

-- hazard: AUTHORIZATION_CHANGE: grant UPDATE on table public.orders to pv_tg_writer
GRANT UPDATE ON TABLE public.orders TO pv_tg_writer;

-- hazard: AUTHORIZATION_CHANGE: revoke SELECT on table public.orders from pv_tg_reader
REVOKE SELECT ON TABLE public.orders FROM pv_tg_reader;
