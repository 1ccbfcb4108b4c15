CREATE TABLE public.reports (id int);
GRANT SELECT ON public.reports TO pv_go_lead WITH GRANT OPTION;
GRANT SELECT ON public.reports TO pv_go_member;
GRANT UPDATE ON public.reports TO pv_go_member WITH GRANT OPTION;
