CREATE SCHEMA app;
CREATE TYPE app.level AS ENUM ('low', 'medium', 'high');
CREATE TABLE app.tasks (id int, lvl app.level, history app.level[] DEFAULT '{low}', note text);
CREATE VIEW app.urgent AS SELECT id, lvl FROM app.tasks WHERE lvl = 'high';
CREATE VIEW app.levels AS SELECT lvl, count(*) AS n FROM app.urgent GROUP BY lvl;
CREATE FUNCTION app.rank(l app.level) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT CASE l WHEN 'high' THEN 2 ELSE 1 END $$;
