CREATE TABLE public.reports (id int);
GRANT SELECT ON public.reports TO pv_go_lead;
GRANT SELECT, UPDATE ON public.reports TO pv_go_member WITH GRANT OPTION;
