CREATE SCHEMA reporting;

-- hazard: AUTHORIZATION_CHANGE: revoke CREATE on schema app from pv_su_dev
REVOKE CREATE ON SCHEMA app FROM pv_su_dev;

-- hazard: AUTHORIZATION_CHANGE: revoke USAGE on schema public from PUBLIC
REVOKE USAGE ON SCHEMA public FROM PUBLIC;

-- hazard: AUTHORIZATION_CHANGE: grant USAGE on schema reporting to pv_su_reader
GRANT USAGE ON SCHEMA reporting TO pv_su_reader;
