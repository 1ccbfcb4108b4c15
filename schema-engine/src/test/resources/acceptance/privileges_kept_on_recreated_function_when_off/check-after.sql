WITH entry AS (
  SELECT p.proname::text AS obj, CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee) END
         || ':' || x.privilege_type || CASE WHEN x.is_grantable THEN '*' ELSE '' END AS e
    FROM pg_catalog.pg_proc p, pg_catalog.aclexplode(COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))) x
   WHERE p.pronamespace = 'app'::regnamespace AND x.grantee <> p.proowner),
acl AS (SELECT obj, string_agg(e, ',' ORDER BY e) AS grants FROM entry GROUP BY obj)
SELECT (SELECT string_agg(obj || '=' || grants, ' ' ORDER BY obj) FROM acl)
       = 'answer=pv_kfn_admin:EXECUTE*,pv_kfn_caller:EXECUTE bump=pv_kfn_caller:EXECUTE twice=PUBLIC:EXECUTE,pv_kfn_caller:EXECUTE'
   AND (SELECT string_agg(proname || ':' || pg_catalog.pg_get_userbyid(proowner), ',' ORDER BY proname)
          FROM pg_catalog.pg_proc WHERE pronamespace = 'app'::regnamespace)
       = 'answer:pv_kfn_owner,bump:pv_kfn_owner,twice:' || current_user
