WITH item AS (
  SELECT c.relname::text AS obj, c.relowner AS owner, x.*
    FROM pg_catalog.pg_class c, pg_catalog.aclexplode(COALESCE(c.relacl, pg_catalog.acldefault('r', c.relowner))) x
   WHERE c.oid = 'app.totals'::regclass
  UNION ALL
  SELECT c.relname || '.' || a.attname, c.relowner, x.*
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0,
         pg_catalog.aclexplode(a.attacl) x
   WHERE c.oid = 'app.totals'::regclass),
entry AS (
  SELECT obj, CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(grantee) END
              || ':' || privilege_type || CASE WHEN is_grantable THEN '*' ELSE '' END AS e
    FROM item WHERE grantee <> owner),
acl AS (SELECT obj, string_agg(e, ',' ORDER BY e) AS grants FROM entry GROUP BY obj)
SELECT (SELECT string_agg(obj || '=' || grants, ' ' ORDER BY obj) FROM acl)
       = 'totals=PUBLIC:SELECT,pv_kmv_reader:SELECT* totals.total=pv_kmv_auditor:SELECT'
   AND (SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = 'app.totals'::regclass) = 'pv_kmv_owner'
   AND (SELECT total FROM app.totals) = 12
