CREATE TABLE public.items (id int, price int);
CREATE VIEW public.priced AS SELECT id, price FROM public.items;
GRANT SELECT ON public.priced TO pv_rvo_reader;
ALTER VIEW public.priced OWNER TO pv_rvo_owner;
