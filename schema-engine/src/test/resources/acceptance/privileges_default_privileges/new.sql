ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO pv_dp_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT ON TABLES TO pv_dp_writer;
CREATE TABLE public.existing (id int);
CREATE TABLE public.fresh (id int);
CREATE TABLE public.fresh_private (id int);
REVOKE ALL ON public.fresh_private FROM pv_dp_reader, pv_dp_writer;
CREATE FUNCTION public.fresh_fn() RETURNS int LANGUAGE sql AS 'SELECT 1';
