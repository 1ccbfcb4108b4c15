SELECT pg_catalog.pg_get_userbyid(relowner) = 'pv_rvo_owner' FROM pg_catalog.pg_class WHERE oid = 'public.priced'::regclass
