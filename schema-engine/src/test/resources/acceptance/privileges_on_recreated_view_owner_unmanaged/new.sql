CREATE TABLE public.items (id int, price bigint);
CREATE VIEW public.priced AS SELECT id, price FROM public.items;
GRANT SELECT ON public.priced TO pv_rvo_reader;
GRANT SELECT (id) ON public.priced TO pv_rvo_clerk;
