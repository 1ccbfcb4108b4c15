-- hazard: DELETES_DATA: drops materialized view app.totals and its stored rows
DROP MATERIALIZED VIEW app.totals;

-- hazard: TABLE_REWRITE: fills materialized view app.totals by running its query
CREATE MATERIALIZED VIEW app.totals AS
SELECT count(*) AS n,
    sum(sales.amount) AS total
   FROM app.sales
  WHERE (sales.amount > 0)
WITH DATA;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT on materialized view app.totals to PUBLIC (kept: materialized view app.totals is recreated)
GRANT SELECT ON TABLE app.totals TO PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT (total) on materialized view app.totals to pv_kmv_auditor (kept: materialized view app.totals is recreated)
GRANT SELECT (total) ON TABLE app.totals TO pv_kmv_auditor;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT on materialized view app.totals to pv_kmv_reader with grant option (kept: materialized view app.totals is recreated)
GRANT SELECT ON TABLE app.totals TO pv_kmv_reader WITH GRANT OPTION;

-- hazard: AUTHORIZATION_CHANGE: revoke SELECT on materialized view app.totals from pv_kmv_other (kept: materialized view app.totals is recreated)
REVOKE SELECT ON TABLE app.totals FROM pv_kmv_other;

-- hazard: AUTHORIZATION_CHANGE: revoke UPDATE on materialized view app.totals from pv_kmv_reader (kept: materialized view app.totals is recreated)
REVOKE UPDATE ON TABLE app.totals FROM pv_kmv_reader;

-- hazard: AUTHORIZATION_CHANGE: owner of materialized view app.totals (default) -> pv_kmv_owner (kept: materialized view app.totals is recreated)
ALTER MATERIALIZED VIEW app.totals OWNER TO pv_kmv_owner;
