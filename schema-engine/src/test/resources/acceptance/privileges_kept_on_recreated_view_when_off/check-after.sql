WITH item AS (
  SELECT c.relname::text AS obj, c.relowner AS owner, x.*
    FROM pg_catalog.pg_class c, pg_catalog.aclexplode(COALESCE(c.relacl, pg_catalog.acldefault('r', c.relowner))) x
   WHERE c.relnamespace = 'app'::regnamespace AND c.relkind = 'v'
  UNION ALL
  SELECT c.relname || '.' || a.attname, c.relowner, x.*
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0,
         pg_catalog.aclexplode(a.attacl) x
   WHERE c.relnamespace = 'app'::regnamespace AND c.relkind = 'v'),
entry AS (
  SELECT obj, CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(grantee) END
              || ':' || privilege_type || CASE WHEN is_grantable THEN '*' ELSE '' END AS e
    FROM item WHERE grantee <> owner),
acl AS (SELECT obj, string_agg(e, ',' ORDER BY e) AS grants FROM entry GROUP BY obj)
SELECT (SELECT string_agg(obj || '=' || grants, ' ' ORDER BY obj) FROM acl)
       = 'labels=pv_krv_reader:SELECT labels.id=pv_krv_clerk:SELECT '
         'priced=pv_krv_reader:SELECT,pv_krv_writer:INSERT*,pv_krv_writer:SELECT* '
         'priced.id=PUBLIC:SELECT priced.note=pv_krv_clerk:UPDATE priced.price=pv_krv_clerk:UPDATE'
   AND (SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = 'app.priced'::regclass) = 'pv_krv_owner'
   AND (SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = 'app.labels'::regclass) = current_user
   AND (SELECT price FROM app.priced) = 10
