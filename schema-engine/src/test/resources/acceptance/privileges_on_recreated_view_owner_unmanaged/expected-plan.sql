-- hazard: RECREATES_DEPENDENTS: drops and recreates view public.priced because column public.items.price changes type to bigint
DROP VIEW public.priced;

-- hazard: TABLE_REWRITE: rewrites table public.items to change public.items.price from integer to bigint
-- hazard: ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.items during the rewrite
-- hazard: MAY_FAIL_ON_DATA: existing values of public.items.price must convert to bigint
ALTER TABLE public.items ALTER COLUMN price TYPE bigint USING price::bigint;

CREATE VIEW public.priced AS
SELECT items.id,
    items.price
   FROM public.items;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT (id) on view public.priced to pv_rvo_clerk
GRANT SELECT (id) ON TABLE public.priced TO pv_rvo_clerk;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT on view public.priced to pv_rvo_reader
GRANT SELECT ON TABLE public.priced TO pv_rvo_reader;

-- hazard: AUTHORIZATION_CHANGE: owner of view public.priced (default) -> pv_rvo_owner (kept: view public.priced is recreated)
ALTER VIEW public.priced OWNER TO pv_rvo_owner;
