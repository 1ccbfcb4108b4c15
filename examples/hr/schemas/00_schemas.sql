-- Desired state of the HR database. Converge plans, per target, the statements that turn the target's
-- current schema into exactly this; the files are sorted by path and run in a throwaway shadow database.
CREATE SCHEMA IF NOT EXISTS hr;

CREATE TYPE hr.employment_status AS ENUM ('active', 'on_leave', 'terminated');
