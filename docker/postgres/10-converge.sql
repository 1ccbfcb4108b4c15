-- Runs once when the postgres container initialises its data directory.
-- The system database "converge" comes from POSTGRES_DB; these are the demo targets of project "hr".
create database hr_test;
create database hr_prod;
