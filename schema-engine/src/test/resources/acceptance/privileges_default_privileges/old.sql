-- objects the plan creates get these at once: no GRANT for them, and no REVOKE noise after applying
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO pv_dp_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT ON TABLES TO pv_dp_writer;
CREATE TABLE public.existing (id int);
