CREATE SEQUENCE public.ticket_seq;
CREATE FUNCTION public.add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
CREATE FUNCTION public.secret() RETURNS int LANGUAGE sql AS 'SELECT 42';
