CREATE TABLE hr.employees (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    department_id bigint               NOT NULL REFERENCES hr.departments (id),
    email         text                 NOT NULL,
    full_name     text                 NOT NULL,
    status        hr.employment_status NOT NULL DEFAULT 'active',
    hired_on      date                 NOT NULL,
    salary_cents  bigint CHECK (salary_cents >= 0),
    CONSTRAINT employees_email_key UNIQUE (email)
);

CREATE INDEX employees_department_idx ON hr.employees (department_id);
CREATE INDEX employees_active_idx ON hr.employees (hired_on) WHERE status = 'active';

COMMENT ON COLUMN hr.employees.salary_cents IS 'Gross yearly salary in cents; NULL while negotiating';
