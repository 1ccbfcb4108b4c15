-- hazard: AUTHORIZATION_CHANGE: grant SELECT on table public.reports to pv_go_lead with grant option
GRANT SELECT ON TABLE public.reports TO pv_go_lead WITH GRANT OPTION;

-- hazard: AUTHORIZATION_CHANGE: revoke grant option for SELECT on table public.reports from pv_go_member
REVOKE GRANT OPTION FOR SELECT ON TABLE public.reports FROM pv_go_member;
