CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric);
CREATE TABLE public.audit (id bigint);
GRANT SELECT, INSERT ON public.orders TO pv_tg_writer;
GRANT SELECT ON public.orders TO pv_tg_reader;
GRANT SELECT ON public.audit TO PUBLIC;
