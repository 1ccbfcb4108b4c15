CREATE TABLE app.created (
    id integer
);

-- hazard: AUTHORIZATION_CHANGE: owner of function app.answer() (default) -> pv_oc_owner
ALTER FUNCTION app.answer() OWNER TO pv_oc_owner;

-- hazard: AUTHORIZATION_CHANGE: owner of schema app (default) -> pv_oc_owner
ALTER SCHEMA app OWNER TO pv_oc_owner;

-- hazard: AUTHORIZATION_CHANGE: owner of sequence app.counter (default) -> pv_oc_owner
ALTER SEQUENCE app.counter OWNER TO pv_oc_owner;

-- hazard: AUTHORIZATION_CHANGE: owner of table app.accounts (default) -> pv_oc_owner
ALTER TABLE app.accounts OWNER TO pv_oc_owner;

-- hazard: AUTHORIZATION_CHANGE: owner of table app.created (default) -> pv_oc_owner
ALTER TABLE app.created OWNER TO pv_oc_owner;

-- hazard: AUTHORIZATION_CHANGE: owner of table app.legacy pv_oc_old -> (the role running the plan)
ALTER TABLE app.legacy OWNER TO CURRENT_USER;

-- hazard: AUTHORIZATION_CHANGE: owner of type app.mood (default) -> pv_oc_owner
ALTER TYPE app.mood OWNER TO pv_oc_owner;

-- hazard: AUTHORIZATION_CHANGE: owner of view app.active (default) -> pv_oc_owner
ALTER VIEW app.active OWNER TO pv_oc_owner;
