ALTER TABLE public.t ADD COLUMN b integer;
