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

    /** Schemas that are never user schemas. */
    static final String SYSTEM_SCHEMA = "(%1$s.nspname LIKE 'pg\\_%%' OR %1$s.nspname = 'information_schema')";

    static String systemSchema(String alias) {
        return String.format(SYSTEM_SCHEMA, alias);
    }

    /** Objects that belong to an extension (pg_depend deptype 'e'). */
    static String extensionMember(String classCatalog, String oidExpr) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_depend ed WHERE ed.classid = 'pg_catalog." + classCatalog
                + "'::pg_catalog.regclass AND ed.objid = " + oidExpr + " AND ed.deptype = 'e')";
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
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
            + "  AND i.objid = c.oid AND i.deptype = 'i')";

    /** User tables (ordinary and partitioned). */
    static final String USER_TABLES = "SELECT c.oid FROM pg_catalog.pg_class c "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p') AND NOT " + systemSchema("n")
            + " AND NOT " + extensionMember("pg_class", "c.oid");

    static final String TABLES = "SELECT c.oid::int8 AS oid, n.nspname, c.relname, c.relkind::text AS relkind, c.relpersistence::text AS relpersistence, "
            + "c.reloptions::text[] AS reloptions, pg_catalog.obj_description(c.oid, 'pg_class') AS comment "
            + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.oid IN (" + USER_TABLES + ")";

    static final String COLUMNS = "SELECT a.attrelid::int8 AS attrelid, a.attnum, a.attname, "
            + "pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull, a.attidentity::text AS attidentity, a.attgenerated::text AS attgenerated, "
            + "pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, "
            + "CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 "
            + "  THEN pg_catalog.quote_ident(coln.nspname) || '.' || pg_catalog.quote_ident(col.collname) END AS collation, "
            + "bn.nspname AS type_schema, bt.typname AS type_name, "
            + "pg_catalog.col_description(a.attrelid, a.attnum) AS comment, "
            + "seqn.nspname AS identity_seq_schema, seqc.relname AS identity_seq_name, "
            + "pg_catalog.format_type(s.seqtypid, NULL) AS seq_type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, "
            + "s.seqcache, s.seqcycle "
            + "FROM pg_catalog.pg_attribute a "
            + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
            + "JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END "
            + "JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace "
            + "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
            + "LEFT JOIN pg_catalog.pg_collation col ON col.oid = a.attcollation "
            + "LEFT JOIN pg_catalog.pg_namespace coln ON coln.oid = col.collnamespace "
            + "LEFT JOIN pg_catalog.pg_depend sd ON a.attidentity <> '' AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            + "  AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum AND sd.deptype = 'i' "
            + "  AND sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            + "LEFT JOIN pg_catalog.pg_class seqc ON seqc.oid = sd.objid AND seqc.relkind = 'S' "
            + "LEFT JOIN pg_catalog.pg_namespace seqn ON seqn.oid = seqc.relnamespace "
            + "LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = seqc.oid "
            + "WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN (" + USER_TABLES + ") "
            + "ORDER BY a.attrelid, a.attnum";

    static final String CONSTRAINTS = "SELECT k.conrelid::int8 AS conrelid, k.conname, k.contype::text AS contype, "
            + "pg_catalog.pg_get_constraintdef(k.oid) AS def, k.convalidated, "
            + "rn.nspname AS ref_schema, rc.relname AS ref_table, "
            + "pg_catalog.obj_description(k.oid, 'pg_constraint') AS comment, k.conislocal "
            + "FROM pg_catalog.pg_constraint k "
            + "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid "
            + "LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
            + "WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conrelid IN (" + USER_TABLES + ")";

    /** Indexes not owned by a PK / UNIQUE / EXCLUDE constraint. */
    static final String INDEXES = "SELECT n.nspname, ic.relname, i.indrelid::int8 AS indrelid, pg_catalog.pg_get_indexdef(i.indexrelid) AS def, "
            + "i.indisunique, i.indisvalid, pg_catalog.obj_description(i.indexrelid, 'pg_class') AS comment "
            + "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace "
            + "WHERE i.indrelid IN (" + USER_TABLES + ") AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k "
            + "  WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))";

    /**
     * Everything in user schemas the engine does not model yet, described by PostgreSQL itself. Each row is
     * one object; introspection refuses the schema when any row is not excluded.
     */
    static final String UNSUPPORTED = "SELECT n.nspname, c.relname AS name, "
            + "pg_catalog.pg_describe_object('pg_catalog.pg_class'::pg_catalog.regclass, c.oid, 0) AS what "
            + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('v', 'm', 'f', 'c') AND NOT " + systemSchema("n")
            + "  AND NOT " + extensionMember("pg_class", "c.oid")
            + "  AND NOT (c.relkind = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_type ct WHERE ct.oid = c.reltype AND "
            + extensionMember("pg_type", "ct.oid") + ")) "
            + "UNION ALL SELECT n.nspname, p.proname, pg_catalog.pg_describe_object('pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 0) "
            + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_proc", "p.oid")
            + "UNION ALL SELECT n.nspname, t.typname, pg_catalog.pg_describe_object('pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 0) "
            + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            + "WHERE t.typtype IN ('d', 'r', 'm', 'b', 'p') AND NOT " + systemSchema("n")
            + "  AND NOT " + extensionMember("pg_type", "t.oid")
            + "  AND NOT (t.typtype = 'b' AND t.typcategory = 'A') AND NOT (t.typtype = 'm' AND EXISTS ("
            + "  SELECT 1 FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid))"
            + "UNION ALL SELECT tn.nspname, tg.tgname, pg_catalog.pg_describe_object('pg_catalog.pg_trigger'::pg_catalog.regclass, tg.oid, 0) "
            + "FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class tc ON tc.oid = tg.tgrelid "
            + "JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace WHERE NOT tg.tgisinternal AND NOT " + systemSchema("tn")
            + "UNION ALL SELECT rn.nspname, r.rulename, pg_catalog.pg_describe_object('pg_catalog.pg_rewrite'::pg_catalog.regclass, r.oid, 0) "
            + "FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class rc ON rc.oid = r.ev_class "
            + "JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace WHERE r.rulename <> '_RETURN' AND NOT " + systemSchema("rn")
            + "UNION ALL SELECT pn.nspname, po.polname, pg_catalog.pg_describe_object('pg_catalog.pg_policy'::pg_catalog.regclass, po.oid, 0) "
            + "FROM pg_catalog.pg_policy po JOIN pg_catalog.pg_class pc ON pc.oid = po.polrelid "
            + "JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace "
            + "UNION ALL SELECT n.nspname, c.relname, 'row level security on ' || pg_catalog.pg_describe_object('pg_catalog.pg_class'::pg_catalog.regclass, c.oid, 0) "
            + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE (c.relrowsecurity OR c.relforcerowsecurity) AND NOT " + systemSchema("n")
            + "UNION ALL SELECT n.nspname, c.relname, 'inheritance of ' || pg_catalog.pg_describe_object('pg_catalog.pg_class'::pg_catalog.regclass, c.oid, 0) "
            + "FROM pg_catalog.pg_inherits ih JOIN pg_catalog.pg_class c ON c.oid = ih.inhrelid "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT " + systemSchema("n")
            + "UNION ALL SELECT n.nspname, c.relname, 'partitioned ' || pg_catalog.pg_describe_object('pg_catalog.pg_class'::pg_catalog.regclass, c.oid, 0) "
            + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('p', 'I') AND NOT " + systemSchema("n")
            + "UNION ALL SELECT '', pb.pubname, pg_catalog.pg_describe_object('pg_catalog.pg_publication'::pg_catalog.regclass, pb.oid, 0) "
            + "FROM pg_catalog.pg_publication pb "
            + "UNION ALL SELECT '', et.evtname, pg_catalog.pg_describe_object('pg_catalog.pg_event_trigger'::pg_catalog.regclass, et.oid, 0) "
            + "FROM pg_catalog.pg_event_trigger et "
            + "UNION ALL SELECT n.nspname, co.collname, pg_catalog.pg_describe_object('pg_catalog.pg_collation'::pg_catalog.regclass, co.oid, 0) "
            + "FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_collation", "co.oid")
            + "UNION ALL SELECT n.nspname, o.oprname, pg_catalog.pg_describe_object('pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, 0) "
            + "FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_operator", "o.oid")
            + "UNION ALL SELECT n.nspname, s.stxname, pg_catalog.pg_describe_object('pg_catalog.pg_statistic_ext'::pg_catalog.regclass, s.oid, 0) "
            + "FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace "
            + "WHERE NOT " + systemSchema("n")
            + "UNION ALL SELECT n.nspname, cf.cfgname, pg_catalog.pg_describe_object('pg_catalog.pg_ts_config'::pg_catalog.regclass, cf.oid, 0) "
            + "FROM pg_catalog.pg_ts_config cf JOIN pg_catalog.pg_namespace n ON n.oid = cf.cfgnamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_ts_config", "cf.oid")
            + "UNION ALL SELECT '', fs.srvname, pg_catalog.pg_describe_object('pg_catalog.pg_foreign_server'::pg_catalog.regclass, fs.oid, 0) "
            + "FROM pg_catalog.pg_foreign_server fs WHERE NOT " + extensionMember("pg_foreign_server", "fs.oid")
            + "UNION ALL SELECT n.nspname, cv.conname, pg_catalog.pg_describe_object('pg_catalog.pg_conversion'::pg_catalog.regclass, cv.oid, 0) "
            + "FROM pg_catalog.pg_conversion cv JOIN pg_catalog.pg_namespace n ON n.oid = cv.connamespace "
            + "WHERE NOT " + systemSchema("n") + " AND NOT " + extensionMember("pg_conversion", "cv.oid");
}
