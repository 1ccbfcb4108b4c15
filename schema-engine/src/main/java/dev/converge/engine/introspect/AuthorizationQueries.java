package dev.converge.engine.introspect;

/**
 * Catalog queries for privileges and owners of every object, read whether or not a project manages them (an object
 * the plan replaces keeps what is not managed). Ids are built the way the model builds them, so the reader can keep
 * exactly the objects the model holds (exclusions and extension members fall away there).
 */
final class AuthorizationQueries {
    private AuthorizationQueries() {
    }

    /** Shadow databases run state files as a per-run role of this name: its objects have the default owner. */
    private static final String SHADOW_ROLES = "'converge\\_shadow\\_%'";

    /** Every object that can carry an ACL or an owner: id, column (column ACLs), owner oid, ACL, acldefault kind. */
    private static final String OBJECTS = "WITH obj AS ("
            + "SELECT 'schema:' || n.nspname AS id, NULL::text AS col, n.nspowner AS owner, n.nspacl AS acl, 'n' AS kind "
            + " FROM pg_catalog.pg_namespace n WHERE NOT " + CatalogQueries.systemSchema("n")
            + " UNION ALL SELECT " + relationId("c", "n") + ", NULL, c.relowner, c.relacl, "
            + "  CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END "
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT " + CatalogQueries.systemSchema("n")
            + " UNION ALL SELECT " + relationId("c", "n") + ", a.attname::text, c.relowner, a.attacl, 'c' "
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + " WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') "
            + " AND NOT " + CatalogQueries.systemSchema("n")
            + " UNION ALL SELECT 'function:' || n.nspname || '.' || p.proname || '(' "
            + "  || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', NULL, p.proowner, p.proacl, 'f' "
            + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
            + " WHERE p.prokind IN ('f', 'p', 'w') AND NOT " + CatalogQueries.systemSchema("n")
            + " UNION ALL SELECT 'type:' || n.nspname || '.' || t.typname, NULL, t.typowner, t.typacl, 'T' "
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + " WHERE NOT " + CatalogQueries.systemSchema("n") + " AND (t.typtype IN ('e', 'd', 'r') OR t.typtype = 'c' "
            + "  AND EXISTS (SELECT 1 FROM pg_catalog.pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c'))"
            + ") ";

    private static String relationId(String c, String n) {
        return "CASE WHEN " + c + ".relkind IN ('r', 'p') THEN 'table:' WHEN " + c + ".relkind = 'S' THEN 'sequence:' "
                + "ELSE 'view:' END || " + n + ".nspname || '.' || " + c + ".relname";
    }

    /** One row per ACL entry; a NULL ACL is the built-in default; the owner's own entries are implicit and left out. */
    static final String ACLS = OBJECTS + "SELECT o.id, o.col, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE r.rolname::text END "
            + "AS grantee, a.privilege_type, a.is_grantable "
            + "FROM obj o CROSS JOIN LATERAL pg_catalog.aclexplode(COALESCE(o.acl, pg_catalog.acldefault(o.kind::\"char\", o.owner))) a "
            + "LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee WHERE a.grantee <> o.owner";

    /** Owners other than the default one (the role reading, or a shadow database's per-run role). */
    static final String OWNERS = OBJECTS + "SELECT o.id, r.rolname::text AS owner FROM obj o "
            + "JOIN pg_catalog.pg_roles r ON r.oid = o.owner "
            + "WHERE o.col IS NULL AND r.rolname <> current_user AND r.rolname NOT LIKE " + SHADOW_ROLES;

    static final String ROLES = "SELECT rolname::text AS rolname FROM pg_catalog.pg_roles";

    /**
     * What an object created by the role reading would be granted at once, per kind and schema (NULL schema:
     * anywhere): the built-in default or the role's global {@code ALTER DEFAULT PRIVILEGES}, plus its per-schema
     * ones, as PostgreSQL merges them. {@code defkind} is the kind letter of {@code pg_default_acl}; acldefault
     * spells sequences {@code s}.
     */
    static final String NEW_OBJECT_GRANTS = "WITH me AS (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user), "
            + "kinds(defkind, aclkind) AS (VALUES ('r', 'r'), ('S', 's'), ('f', 'f'), ('T', 'T')), "
            + "scopes AS (SELECT n.nspname::text AS nspname, n.oid AS nspoid, k.defkind, k.aclkind "
            + " FROM pg_catalog.pg_namespace n CROSS JOIN kinds k WHERE NOT " + CatalogQueries.systemSchema("n")
            + " UNION ALL SELECT NULL, 0, k.defkind, k.aclkind FROM kinds k UNION ALL SELECT NULL, 0, 'n', 'n') "
            + "SELECT s.nspname, s.defkind, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE r.rolname::text END AS grantee, "
            + "a.privilege_type, a.is_grantable "
            + "FROM scopes s CROSS JOIN me CROSS JOIN LATERAL pg_catalog.aclexplode("
            + " COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = me.oid "
            + "  AND d.defaclnamespace = 0 AND d.defaclobjtype::text = s.defkind), pg_catalog.acldefault(s.aclkind::\"char\", me.oid))"
            + " || COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = me.oid "
            + "  AND d.defaclnamespace = s.nspoid AND s.nspoid <> 0 AND d.defaclobjtype::text = s.defkind), '{}'::pg_catalog.aclitem[])) a "
            + "LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee WHERE a.grantee <> me.oid";
}
