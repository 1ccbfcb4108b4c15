CREATE TABLE public.people (id int, name text, salary numeric, note text, email text);
GRANT SELECT (id, name, email) ON public.people TO pv_cg_reader;
GRANT UPDATE (name) ON public.people TO pv_cg_reader;
