SELECT (SELECT pg_catalog.pg_get_userbyid(typowner) FROM pg_catalog.pg_type WHERE oid = 'app.mood'::regtype) = 'pv_sek_owner'
   AND (SELECT string_agg(e, ',' ORDER BY e) FROM (
          SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee) END || ':' || a.privilege_type
                 || CASE WHEN a.is_grantable THEN '*' ELSE '' END AS e
            FROM pg_catalog.pg_type t,
                 pg_catalog.aclexplode(COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner))) a
           WHERE t.oid = 'app.mood'::regtype AND a.grantee <> t.typowner) x) = 'pv_sek_reader:USAGE*'
   AND pg_catalog.obj_description('app.mood'::regtype, 'pg_type') = 'how it feels'
   AND (SELECT string_agg(id || ':' || m, ',' ORDER BY id) FROM app.entry) = '1:happy,2:sad'
