CREATE TABLE t (id int PRIMARY KEY, a text, b int NOT NULL DEFAULT 1, gone text);
