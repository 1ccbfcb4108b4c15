CREATE TABLE public.people (id int, name text, salary numeric, note text, legacy text);
GRANT SELECT (id, name, legacy) ON public.people TO pv_cg_reader;
GRANT UPDATE (note) ON public.people TO pv_cg_reader;
