CREATE TABLE hr.departments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL,
    cost_center varchar(12),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT departments_name_key UNIQUE (name)
);

COMMENT ON TABLE hr.departments IS 'Organisational units employees belong to';
