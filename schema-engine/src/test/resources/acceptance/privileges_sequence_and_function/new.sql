CREATE SEQUENCE public.ticket_seq;
GRANT USAGE, SELECT ON SEQUENCE public.ticket_seq TO pv_sf_app;
CREATE FUNCTION public.add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
CREATE FUNCTION public.secret() RETURNS int LANGUAGE sql AS 'SELECT 42';
REVOKE EXECUTE ON FUNCTION public.secret() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.secret() TO pv_sf_app;
-- created by the plan: starts with EXECUTE for PUBLIC, which must be revoked
CREATE FUNCTION public.internal() RETURNS int LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON FUNCTION public.internal() FROM PUBLIC;
CREATE PROCEDURE public.cleanup() LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON PROCEDURE public.cleanup() FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE public.cleanup() TO pv_sf_app;
