SELECT pg_catalog.pg_get_userbyid(typowner) = 'pv_seo_owner' FROM pg_catalog.pg_type WHERE oid = 'app.mood'::regtype
