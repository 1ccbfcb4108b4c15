package dev.converge.engine.introspect;

/**
 * The set-based catalog queries of the introspector: one query per object kind for the whole database, never
 * one per table. All run with an empty {@code search_path} so that every name PostgreSQL prints
 * ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef}, ...) is schema-qualified and
 * therefore the same on every database.
 */
final class CatalogQueries {
    private CatalogQueries() {
    }

    /**
     * Schemas that are never user schemas. {@code converge} holds rollout-service's {@code converge_history} inside
     * each target: Converge's own bookkeeping, never planned (else the next plan would drop it) nor hashed (else
     * every target would look drifted after its first rollout).
     */
    static final String SYSTEM_SCHEMA = "(%1$s.nspname LIKE 'pg\\_%%' OR %1$s.nspname = 'information_schema'"
            + " OR %1$s.nspname = 'converge')";

    static String systemSchema(String alias) {
        return String.format(SYSTEM_SCHEMA, alias);
    }

    /** Objects that belong to an extension (pg_depend deptype 'e'). */
    static String extensionMember(String classCatalog, String oidExpr) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_depend ed WHERE ed.classid = 'pg_catalog." + classCatalog
                + "'::pg_catalog.regclass AND ed.objid = " + oidExpr + " AND ed.deptype = 'e')";
    }

    /**
     * Objects that PostgreSQL made as part of another one (pg_depend deptype 'i'), such as an identity column's
     * sequence or a range type's constructors: they come and go with their owner, never on their own.
     */
    private static String internalMember(String classCatalog, String oidExpr) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog." + classCatalog
                + "'::pg_catalog.regclass AND i.objid = " + oidExpr + " AND i.deptype = 'i')";
    }

    /** The user relations of the given relkinds outside system schemas and extensions, as a list of oids. */
    private static String userRelations(String relkinds) {
        return "SELECT c.oid FROM pg_catalog.pg_class c "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN (" + relkinds + ") AND NOT " + systemSchema("n")
                + " AND NOT " + extensionMember("pg_class", "c.oid");
    }

    /** The user columns of a relation (pg_attribute as {@code a}): neither system columns nor dropped ones. */
    private static String userColumnsOf(String relOidExpr) {
        return "a.attrelid = " + relOidExpr + " AND a.attnum > 0 AND NOT a.attisdropped";
    }

    /** Joins the collation {@code col} and its schema {@code coln} that {@link #nonDefaultCollation} names. */
    private static String joinCollation(String collationOidExpr) {
        return "LEFT JOIN pg_catalog.pg_collation col ON col.oid = " + collationOidExpr + " "
                + "LEFT JOIN pg_catalog.pg_namespace coln ON coln.oid = col.collnamespace ";
    }

    /**
     * The schema-qualified collation (joined by {@link #joinCollation}) when one is set and it is not the type's
     * default, else NULL: the type's own collation stays implicit, as in a CREATE without COLLATE.
     */
    private static String nonDefaultCollation(String collationOidExpr, String typeCollationExpr) {
        return "CASE WHEN " + collationOidExpr + " <> " + typeCollationExpr + " AND " + collationOidExpr + " <> 0 "
                + "THEN pg_catalog.quote_ident(coln.nspname) || '.' || pg_catalog.quote_ident(col.collname) END";
    }

    /** PostgreSQL's own description of a catalog object, e.g. {@code aggregate public.agg(integer)}. */
    private static String describe(String classCatalog, String oidExpr) {
        return "pg_catalog.pg_describe_object('pg_catalog." + classCatalog + "'::pg_catalog.regclass, " + oidExpr + ", 0)";
    }

    static final String SCHEMAS = "SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment "
            + "FROM pg_catalog.pg_namespace n WHERE NOT " + systemSchema("n")
            + " AND NOT " + extensionMember("pg_namespace", "n.oid");

    static final String EXTENSIONS = "SELECT e.extname, n.nspname, e.extversion, "
            + "pg_catalog.obj_description(e.oid, 'pg_extension') AS comment "
            + "FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
            + "WHERE e.extname <> 'plpgsql'";

    static final String ENUMS = "SELECT n.nspname, t.typname, "
            + "array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels, "
            + "pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
            + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
            + "WHERE t.typtype = 'e' AND NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_type", "t.oid")
            + " GROUP BY n.nspname, t.typname, t.oid";

    /** Standalone sequences; identity sequences (deptype 'i') come with their column. */
    static final String SEQUENCES = "SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL) AS type, "
            + "s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, c.relpersistence::text AS relpersistence, "
            + "own_n.nspname AS own_schema, own_c.relname AS own_table, own_a.attname AS own_column, "
            + "pg_catalog.obj_description(c.oid, 'pg_class') AS comment "
            + "FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            + "  AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a' "
            + "LEFT JOIN pg_catalog.pg_class own_c ON own_c.oid = d.refobjid "
            + "LEFT JOIN pg_catalog.pg_namespace own_n ON own_n.oid = own_c.relnamespace "
            + "LEFT JOIN pg_catalog.pg_attribute own_a ON own_a.attrelid = d.refobjid AND own_a.attnum = d.refobjsubid "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_class", "c.oid")
            + " AND NOT " + internalMember("pg_class", "c.oid");

    /** User views (plain and materialized). */
    static final String USER_VIEWS = userRelations("'v', 'm'");

    static final String VIEWS = "SELECT c.oid::int8 AS oid, n.nspname, c.relname, c.relkind::text AS relkind, "
            + "pg_catalog.pg_get_viewdef(c.oid) AS def, c.reloptions::text[] AS reloptions, "
            + "pg_catalog.obj_description(c.oid, 'pg_class') AS comment, "
            + "ARRAY(SELECT a.attname::text FROM pg_catalog.pg_description d JOIN pg_catalog.pg_attribute a "
            + "  ON a.attrelid = c.oid AND a.attnum = d.objsubid WHERE d.objoid = c.oid "
            + "  AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid > 0 ORDER BY a.attnum) AS comment_cols, "
            + "ARRAY(SELECT d.description FROM pg_catalog.pg_description d "
            + "  WHERE d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid > 0 "
            + "  ORDER BY d.objsubid) AS comment_texts, "
            + "ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE " + userColumnsOf("c.oid")
            + "  ORDER BY a.attnum) AS cols "
            + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.oid IN (" + USER_VIEWS + ")";

    static final String FUNCTIONS = "SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS ident, "
            + "pg_catalog.pg_get_function_arguments(p.oid) AS args, "
            + "CASE WHEN p.prokind = 'p' THEN NULL ELSE pg_catalog.pg_get_function_result(p.oid) END AS result, "
            + "p.prokind::text AS kind, pg_catalog.pg_get_functiondef(p.oid) AS def, "
            + "pg_catalog.obj_description(p.oid, 'pg_proc') AS comment "
            + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
            + "WHERE p.prokind IN ('f', 'p', 'w') AND NOT " + systemSchema("n")
            + " AND NOT " + extensionMember("pg_proc", "p.oid")
            // Range and multirange constructors come with their type (internal dependency), not from the user.
            + " AND NOT " + internalMember("pg_proc", "p.oid");

    static final String TRIGGERS = "SELECT n.nspname, c.relname, c.relkind::text AS relkind, tg.tgname, "
            + "pg_catalog.pg_get_triggerdef(tg.oid) AS def, tg.tgenabled::text AS enabled, "
            + "pg_catalog.obj_description(tg.oid, 'pg_trigger') AS comment "
            + "FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND NOT " + systemSchema("n")
            + " AND NOT " + extensionMember("pg_class", "c.oid");

    static final String DOMAINS = "SELECT t.oid::int8 AS oid, n.nspname, t.typname, "
            + "pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base, "
            + nonDefaultCollation("t.typcollation", "bt.typcollation") + " AS collation, "
            + "pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expr, t.typnotnull, "
            + "pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
            + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype "
            + joinCollation("t.typcollation")
            + "WHERE t.typtype = 'd' AND NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_type", "t.oid");

    static final String DOMAIN_CONSTRAINTS = "SELECT k.contypid::int8 AS typid, k.conname, k.contype::text AS contype, "
            + "pg_catalog.pg_get_constraintdef(k.oid) AS def, k.convalidated, NULL::text AS ref_schema, NULL::text AS ref_table, "
            + "pg_catalog.obj_description(k.oid, 'pg_constraint') AS comment "
            + "FROM pg_catalog.pg_constraint k WHERE k.contypid <> 0 AND k.contype = 'c'";

    static final String COMPOSITES = "SELECT n.nspname, t.typname, "
            + "pg_catalog.obj_description(t.oid, 'pg_type') AS comment, "
            + "ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE " + userColumnsOf("c.oid")
            + "  ORDER BY a.attnum) AS att_names, "
            + "ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a "
            + "  WHERE " + userColumnsOf("c.oid") + " ORDER BY a.attnum) AS att_types, "
            // '' rather than NULL for the default collation: the array's elements line up with att_names
            + "ARRAY(SELECT COALESCE(" + nonDefaultCollation("a.attcollation", "at.typcollation") + ", '') "
            + "  FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid "
            + "  " + joinCollation("a.attcollation")
            + "  WHERE " + userColumnsOf("c.oid") + " ORDER BY a.attnum) AS att_collations "
            + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "JOIN pg_catalog.pg_class c ON c.oid = t.typrelid "
            + "WHERE t.typtype = 'c' AND c.relkind = 'c' AND NOT " + systemSchema("n")
            + " AND NOT " + extensionMember("pg_type", "t.oid");

    static final String RANGES = "SELECT n.nspname, t.typname, "
            + "'SUBTYPE = ' || pg_catalog.format_type(r.rngsubtype, NULL) "
            + "|| CASE WHEN opc.opcdefault THEN '' ELSE ', SUBTYPE_OPCLASS = ' || pg_catalog.quote_ident(opn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname) END "
            + "|| COALESCE(', COLLATION = ' || " + nonDefaultCollation("r.rngcollation", "st.typcollation") + ", '') "
            + "|| CASE WHEN r.rngcanonical <> 0 THEN ', CANONICAL = ' || r.rngcanonical::pg_catalog.regproc::text ELSE '' END "
            + "|| CASE WHEN r.rngsubdiff <> 0 THEN ', SUBTYPE_DIFF = ' || r.rngsubdiff::pg_catalog.regproc::text ELSE '' END "
            + "|| ', MULTIRANGE_TYPE_NAME = ' || pg_catalog.quote_ident(mn.nspname) || '.' || pg_catalog.quote_ident(mt.typname) AS options, "
            + "pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
            + "FROM pg_catalog.pg_range r JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype "
            + "JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace "
            + joinCollation("r.rngcollation")
            + "JOIN pg_catalog.pg_type mt ON mt.oid = r.rngmultitypid JOIN pg_catalog.pg_namespace mn ON mn.oid = mt.typnamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_type", "t.oid");

    static final String POLICIES = "SELECT n.nspname, c.relname, po.polname, po.polpermissive, "
            + "CASE po.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS cmd, "
            + "ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r)::text END "
            + "  FROM pg_catalog.unnest(po.polroles) r) AS roles, "
            + "pg_catalog.pg_get_expr(po.polqual, po.polrelid) AS using_expr, "
            + "pg_catalog.pg_get_expr(po.polwithcheck, po.polrelid) AS check_expr, "
            + "pg_catalog.obj_description(po.oid, 'pg_policy') AS comment "
            + "FROM pg_catalog.pg_policy po JOIN pg_catalog.pg_class c ON c.oid = po.polrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT " + systemSchema("n");

    /**
     * Normal dependencies (pg_depend deptype 'n') between user objects, each side named by the model id it maps
     * to: a view's rewrite rule becomes the view, a default becomes its column, a check its constraint, a
     * reference to a table column becomes {@code column:s.t.c}, an extension member becomes its extension.
     */
    static final String DEPENDENCIES = "WITH rel AS ("
            + " SELECT c.oid, CASE WHEN c.relkind IN ('r', 'p') THEN 'table:' WHEN c.relkind IN ('v', 'm') THEN 'view:' "
            + "  WHEN c.relkind = 'S' THEN 'sequence:' WHEN c.relkind IN ('i', 'I') THEN 'index:' WHEN c.relkind = 'c' THEN 'type:' END "
            + "  || n.nspname || '.' || c.relname AS id "
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT " + systemSchema("n")
            + "), ids AS ("
            + " SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, oid AS objid, id FROM rel WHERE id IS NOT NULL"
            + " UNION ALL SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 'function:' || n.nspname || '.' || p.proname "
            + "  || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' "
            + "  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE NOT " + systemSchema("n")
            + " UNION ALL SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, "
            + "  CASE WHEN e.typtype = 'c' THEN rr.id ELSE 'type:' || n.nspname || '.' || e.typname END "
            + "  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_type e ON e.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 "
            + "  THEN t.typelem ELSE t.oid END JOIN pg_catalog.pg_namespace n ON n.oid = e.typnamespace "
            + "  LEFT JOIN rel rr ON rr.oid = e.typrelid WHERE NOT " + systemSchema("n")
            + " UNION ALL SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, r.oid, rel.id FROM pg_catalog.pg_rewrite r "
            + "  JOIN rel ON rel.oid = r.ev_class"
            + " UNION ALL SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass, tg.oid, 'trigger:' || n.nspname || '.' || c.relname "
            + "  || '.' || tg.tgname FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid "
            + "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT tg.tgisinternal"
            + " UNION ALL SELECT 'pg_catalog.pg_policy'::pg_catalog.regclass, po.oid, 'policy:' || n.nspname || '.' || c.relname "
            + "  || '.' || po.polname FROM pg_catalog.pg_policy po JOIN pg_catalog.pg_class c ON c.oid = po.polrelid "
            + "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " UNION ALL SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid, "
            + "  CASE WHEN k.conrelid <> 0 THEN 'constraint:' || n.nspname || '.' || c.relname || '.' || k.conname "
            + "  ELSE 'type:' || tn.nspname || '.' || t.typname END "
            + "  FROM pg_catalog.pg_constraint k LEFT JOIN pg_catalog.pg_class c ON c.oid = k.conrelid "
            + "  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_catalog.pg_type t ON t.oid = k.contypid "
            + "  LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace WHERE k.contype <> 'f'"
            + " UNION ALL SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, ad.oid, 'column:' || n.nspname || '.' || c.relname "
            + "  || '.' || a.attname FROM pg_catalog.pg_attrdef ad JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid "
            + "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "  JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum"
            + "), named AS ("
            + " SELECT ids.classid, ids.objid, COALESCE('extension:' || x.extname, ids.id) AS id FROM ids "
            + " LEFT JOIN pg_catalog.pg_depend ed ON ed.classid = ids.classid AND ed.objid = ids.objid AND ed.deptype = 'e' "
            + " LEFT JOIN pg_catalog.pg_extension x ON x.oid = ed.refobjid"
            + ") SELECT DISTINCT "
            + " CASE WHEN d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid > 0 AND dep.id LIKE 'table:%' "
            + "  THEN 'column:' || substr(dep.id, 7) || '.' || da.attname ELSE dep.id END AS dependent, "
            + " CASE WHEN d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0 AND ref.id LIKE 'table:%' "
            + "  THEN 'column:' || substr(ref.id, 7) || '.' || ra.attname ELSE ref.id END AS referenced "
            + "FROM pg_catalog.pg_depend d JOIN named dep ON dep.classid = d.classid AND dep.objid = d.objid "
            + "JOIN named ref ON ref.classid = d.refclassid AND ref.objid = d.refobjid "
            + "LEFT JOIN pg_catalog.pg_attribute da ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            + "  AND da.attrelid = d.objid AND da.attnum = d.objsubid "
            + "LEFT JOIN pg_catalog.pg_attribute ra ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            + "  AND ra.attrelid = d.refobjid AND ra.attnum = d.refobjsubid "
            + "WHERE d.deptype = 'n' AND dep.id IS NOT NULL AND ref.id IS NOT NULL AND dep.id <> ref.id";

    /** User tables (ordinary and partitioned). */
    static final String USER_TABLES = userRelations("'r', 'p'");

    static final String TABLES = "SELECT c.oid::int8 AS oid, n.nspname, c.relname, c.relkind::text AS relkind, c.relpersistence::text AS relpersistence, "
            + "c.reloptions::text[] AS reloptions, pg_catalog.obj_description(c.oid, 'pg_class') AS comment, "
            + "c.relrowsecurity, c.relforcerowsecurity, "
            + "CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partkey, "
            + "pn.nspname AS parent_schema, pc.relname AS parent_name, "
            + "CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound "
            + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_catalog.pg_inherits ih ON c.relispartition AND ih.inhrelid = c.oid "
            + "LEFT JOIN pg_catalog.pg_class pc ON pc.oid = ih.inhparent "
            + "LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace "
            + "WHERE c.oid IN (" + USER_TABLES + ")";

    static final String COLUMNS = "SELECT a.attrelid::int8 AS attrelid, a.attnum, a.attname, "
            + "pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull, a.attidentity::text AS attidentity, a.attgenerated::text AS attgenerated, "
            + "pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, "
            + nonDefaultCollation("a.attcollation", "t.typcollation") + " AS collation, "
            + "bn.nspname AS type_schema, bt.typname AS type_name, "
            + "pg_catalog.col_description(a.attrelid, a.attnum) AS comment, "
            + "s.nspname AS identity_seq_schema, s.relname AS identity_seq_name, "
            + "pg_catalog.format_type(s.seqtypid, NULL) AS seq_type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, "
            + "s.seqcache, s.seqcycle "
            + "FROM pg_catalog.pg_attribute a "
            + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
            + "JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END "
            + "JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace "
            + "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
            + joinCollation("a.attcollation")
            + "LEFT JOIN (SELECT sd.refobjid, sd.refobjsubid, seqc.relname, seqn.nspname, s.* "
            + "  FROM pg_catalog.pg_depend sd JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid "
            + "  JOIN pg_catalog.pg_class seqc ON seqc.oid = s.seqrelid JOIN pg_catalog.pg_namespace seqn ON seqn.oid = seqc.relnamespace "
            + "  WHERE sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            + "  AND sd.deptype = 'i') s ON a.attidentity <> '' AND s.refobjid = a.attrelid AND s.refobjsubid = a.attnum "
            + "WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN (" + USER_TABLES + ") "
            + "ORDER BY a.attrelid, a.attnum";

    static final String CONSTRAINTS = "SELECT k.conrelid::int8 AS conrelid, k.conname, k.contype::text AS contype, "
            + "pg_catalog.pg_get_constraintdef(k.oid) AS def, k.convalidated, "
            + "rn.nspname AS ref_schema, rc.relname AS ref_table, "
            + "pg_catalog.obj_description(k.oid, 'pg_constraint') AS comment, k.conislocal, "
            + "NOT (k.conislocal AND k.conparentid = 0) AS inherited "
            + "FROM pg_catalog.pg_constraint k "
            + "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid "
            + "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
            + "JOIN pg_catalog.pg_class kc ON kc.oid = k.conrelid "
            + "WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND (k.conislocal AND k.conparentid = 0 OR kc.relispartition) "
            + "AND k.conrelid IN (" + USER_TABLES + ")";

    /**
     * Indexes not owned by a PK / UNIQUE / EXCLUDE constraint; {@code inherited} for a partition's index attached to
     * its parent's (it stays behind, stand-alone, when the partition is detached).
     */
    static final String INDEXES = "SELECT n.nspname, ic.relname, i.indrelid::int8 AS indrelid, pg_catalog.pg_get_indexdef(i.indexrelid) AS def, "
            + "i.indisunique, i.indisvalid, pg_catalog.obj_description(i.indexrelid, 'pg_class') AS comment, "
            + "EXISTS (SELECT 1 FROM pg_catalog.pg_inherits x WHERE x.inhrelid = i.indexrelid) AS inherited "
            + "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace "
            + "WHERE i.indrelid IN (" + USER_TABLES + " UNION ALL " + USER_VIEWS + ") "
            + "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k "
            + "  WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))";

    /**
     * Everything in user schemas the engine does not model yet, described by PostgreSQL itself. Each row is
     * one object; introspection refuses the schema when any row is not excluded.
     */
    static final String UNSUPPORTED = "SELECT n.nspname, c.relname AS name, "
            + describe("pg_class", "c.oid") + " AS what "
            + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('f') AND NOT " + systemSchema("n")
            + "  AND NOT " + extensionMember("pg_class", "c.oid")
            + "  AND NOT (c.relkind = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_type ct WHERE ct.oid = c.reltype AND "
            + extensionMember("pg_type", "ct.oid") + ")) "
            + "UNION ALL SELECT n.nspname, p.proname, " + describe("pg_proc", "p.oid") + " "
            + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
            + "WHERE p.prokind = 'a' AND NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_proc", "p.oid")
            + "UNION ALL SELECT n.nspname, t.typname, " + describe("pg_type", "t.oid") + " "
            + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "WHERE t.typtype IN ('b', 'p') AND NOT " + systemSchema("n")
            + "  AND NOT " + extensionMember("pg_type", "t.oid")
            + "  AND NOT (t.typtype = 'b' AND t.typcategory = 'A') AND NOT (t.typtype = 'm' AND EXISTS ("
            + "  SELECT 1 FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid))"
            + "UNION ALL SELECT rn.nspname, r.rulename, " + describe("pg_rewrite", "r.oid") + " "
            + "FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class rc ON rc.oid = r.ev_class "
            + "JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace WHERE r.rulename <> '_RETURN' AND NOT " + systemSchema("rn")
            + "UNION ALL SELECT n.nspname, c.relname, 'inheritance of ' || " + describe("pg_class", "c.oid") + " "
            + "FROM pg_catalog.pg_inherits ih JOIN pg_catalog.pg_class c ON c.oid = ih.inhrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT c.relispartition AND NOT " + systemSchema("n")
            + "UNION ALL SELECT '', pb.pubname, " + describe("pg_publication", "pb.oid") + " "
            + "FROM pg_catalog.pg_publication pb "
            + "UNION ALL SELECT '', et.evtname, " + describe("pg_event_trigger", "et.oid") + " "
            + "FROM pg_catalog.pg_event_trigger et "
            + "UNION ALL SELECT n.nspname, co.collname, " + describe("pg_collation", "co.oid") + " "
            + "FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_collation", "co.oid")
            + "UNION ALL SELECT n.nspname, o.oprname, " + describe("pg_operator", "o.oid") + " "
            + "FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_operator", "o.oid")
            + "UNION ALL SELECT n.nspname, s.stxname, " + describe("pg_statistic_ext", "s.oid") + " "
            + "FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace "
            + "WHERE NOT " + systemSchema("n")
            + "UNION ALL SELECT n.nspname, cf.cfgname, " + describe("pg_ts_config", "cf.oid") + " "
            + "FROM pg_catalog.pg_ts_config cf JOIN pg_catalog.pg_namespace n ON n.oid = cf.cfgnamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_ts_config", "cf.oid")
            + "UNION ALL SELECT '', fs.srvname, " + describe("pg_foreign_server", "fs.oid") + " "
            + "FROM pg_catalog.pg_foreign_server fs WHERE NOT " + extensionMember("pg_foreign_server", "fs.oid")
            + "UNION ALL SELECT n.nspname, cv.conname, " + describe("pg_conversion", "cv.oid") + " "
            + "FROM pg_catalog.pg_conversion cv JOIN pg_catalog.pg_namespace n ON n.oid = cv.connamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_conversion", "cv.oid");
}
