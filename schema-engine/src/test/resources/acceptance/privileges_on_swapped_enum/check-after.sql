SELECT (SELECT string_agg(id || ':' || m, ',' ORDER BY id) FROM app.entry) = '1:happy,2:sad'
   AND pg_catalog.obj_description('app.mood'::regtype, 'pg_type') = 'how it feels'
