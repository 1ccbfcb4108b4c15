CREATE SCHEMA "Sales";
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application';
CREATE TABLE "Sales"."Order Items" ("Id" int PRIMARY KEY, "select" text, "Qty" int CHECK ("Qty" > 0));
CREATE INDEX "Idx Qty" ON "Sales"."Order Items" ("Qty");
CREATE TABLE app."User" (id int PRIMARY KEY, "order" int REFERENCES "Sales"."Order Items" ("Id"));
CREATE TYPE app.status AS ENUM ('on', 'off');
CREATE TABLE app.devices (id int, s app.status NOT NULL DEFAULT 'on');
