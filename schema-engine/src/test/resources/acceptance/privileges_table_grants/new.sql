CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric);
CREATE TABLE public.audit (id bigint);
CREATE TABLE public.invoices (id bigint);
GRANT SELECT, INSERT, UPDATE ON public.orders TO pv_tg_writer;
GRANT SELECT ON public.audit TO pv_tg_reader;
GRANT SELECT, DELETE ON public.invoices TO pv_tg_reader;
