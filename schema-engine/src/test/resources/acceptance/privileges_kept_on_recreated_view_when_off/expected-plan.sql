DROP VIEW app.labels;

-- hazard: RECREATES_DEPENDENTS: drops and recreates view app.priced because column app.items.price changes type to bigint
DROP VIEW app.priced;

-- hazard: TABLE_REWRITE: rewrites table app.items to change app.items.price from integer to bigint
-- hazard: ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of app.items during the rewrite
-- hazard: MAY_FAIL_ON_DATA: existing values of app.items.price must convert to bigint
ALTER TABLE app.items ALTER COLUMN price TYPE bigint USING price::bigint;

CREATE VIEW app.labels AS
SELECT items.id,
    upper(items.note) AS label
   FROM app.items;

CREATE VIEW app.priced AS
SELECT items.id,
    items.price,
    items.note
   FROM app.items;

COMMENT ON VIEW app.priced IS 'prices';

-- hazard: AUTHORIZATION_CHANGE: grant SELECT (id) on view app.labels to pv_krv_clerk (kept: view app.labels is recreated)
GRANT SELECT (id) ON TABLE app.labels TO pv_krv_clerk;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT on view app.labels to pv_krv_reader (kept: view app.labels is recreated)
GRANT SELECT ON TABLE app.labels TO pv_krv_reader;

-- hazard: AUTHORIZATION_CHANGE: revoke SELECT on view app.labels from pv_krv_other (kept: view app.labels is recreated)
REVOKE SELECT ON TABLE app.labels FROM pv_krv_other;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT (id) on view app.priced to PUBLIC (kept: view app.priced is recreated)
GRANT SELECT (id) ON TABLE app.priced TO PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: grant UPDATE (note, price) on view app.priced to pv_krv_clerk (kept: view app.priced is recreated)
GRANT UPDATE (note, price) ON TABLE app.priced TO pv_krv_clerk;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT on view app.priced to pv_krv_reader (kept: view app.priced is recreated)
GRANT SELECT ON TABLE app.priced TO pv_krv_reader;

-- hazard: AUTHORIZATION_CHANGE: grant INSERT, SELECT on view app.priced to pv_krv_writer with grant option (kept: view app.priced is recreated)
GRANT INSERT, SELECT ON TABLE app.priced TO pv_krv_writer WITH GRANT OPTION;

-- hazard: AUTHORIZATION_CHANGE: revoke SELECT on view app.priced from pv_krv_other (kept: view app.priced is recreated)
REVOKE SELECT ON TABLE app.priced FROM pv_krv_other;

-- hazard: AUTHORIZATION_CHANGE: owner of view app.priced (default) -> pv_krv_owner (kept: view app.priced is recreated)
ALTER VIEW app.priced OWNER TO pv_krv_owner;
