CREATE SEQUENCE hr.salary_history_seq;

CREATE TABLE hr.salary_history (
    id           bigint      NOT NULL DEFAULT nextval('hr.salary_history_seq') PRIMARY KEY,
    employee_id  bigint      NOT NULL REFERENCES hr.employees (id) ON DELETE CASCADE,
    salary_cents bigint      NOT NULL,
    valid_from   date        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);

ALTER SEQUENCE hr.salary_history_seq OWNED BY hr.salary_history.id;

CREATE INDEX salary_history_employee_idx ON hr.salary_history (employee_id, valid_from DESC);
