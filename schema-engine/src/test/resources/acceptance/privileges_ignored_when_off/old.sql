CREATE TABLE public.t (a int);
GRANT SELECT ON public.t TO pv_off_reader;
