ALTER TABLE public.people ADD COLUMN email text;

-- hazard: AUTHORIZATION_CHANGE: grant SELECT (email), UPDATE (name) on table public.people to pv_cg_reader
GRANT SELECT (email), UPDATE (name) ON TABLE public.people TO pv_cg_reader;

-- hazard: AUTHORIZATION_CHANGE: revoke UPDATE (note) on table public.people from pv_cg_reader
REVOKE UPDATE (note) ON TABLE public.people FROM pv_cg_reader;

-- hazard: DELETES_DATA: drops column public.people.legacy and its data
-- hazard: POSSIBLE_RENAME: column public.people.legacy is dropped and email of the same type is added; if it is a rename, annotate the new column with -- converge:renamed-from legacy to keep the data
ALTER TABLE public.people DROP COLUMN legacy;
