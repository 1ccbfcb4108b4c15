CREATE TABLE public.t (a int, b int);
GRANT INSERT ON public.t TO pv_off_other;
ALTER TABLE public.t OWNER TO pv_off_other;
REVOKE USAGE ON SCHEMA public FROM PUBLIC;
