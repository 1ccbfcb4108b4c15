WITH item AS (
  SELECT t.typname::text AS obj, t.typowner AS owner, x.*
    FROM pg_catalog.pg_type t, pg_catalog.aclexplode(COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner))) x
   WHERE t.typnamespace = 'app'::regnamespace AND t.typname IN ('code', 'span')
  UNION ALL
  SELECT c.relname::text, c.relowner, x.*
    FROM pg_catalog.pg_class c, pg_catalog.aclexplode(COALESCE(c.relacl, pg_catalog.acldefault('r', c.relowner))) x
   WHERE c.oid = 'app.events'::regclass
  UNION ALL
  SELECT c.relname || '.' || a.attname, c.relowner, x.*
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0,
         pg_catalog.aclexplode(a.attacl) x
   WHERE c.oid = 'app.events'::regclass),
entry AS (
  SELECT obj, CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(grantee) END
              || ':' || privilege_type || CASE WHEN is_grantable THEN '*' ELSE '' END AS e
    FROM item WHERE grantee <> owner),
acl AS (SELECT obj, string_agg(e, ',' ORDER BY e) AS grants FROM entry GROUP BY obj)
SELECT (SELECT string_agg(obj || '=' || grants, ' ' ORDER BY obj) FROM acl)
       = 'code=pv_kot_user:USAGE* events=PUBLIC:SELECT,pv_kot_user:INSERT,pv_kot_user:SELECT '
         'events.note=pv_kot_user:UPDATE span=PUBLIC:USAGE,pv_kot_user:USAGE'
   AND (SELECT string_agg(typname || ':' || pg_catalog.pg_get_userbyid(typowner), ',' ORDER BY typname)
          FROM pg_catalog.pg_type WHERE typnamespace = 'app'::regnamespace AND typname IN ('code', 'span'))
       = 'code:pv_kot_owner,span:pv_kot_owner'
   AND (SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = 'app.events'::regclass) = 'pv_kot_owner'
