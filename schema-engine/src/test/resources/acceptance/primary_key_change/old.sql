CREATE TABLE p (a int, b int, CONSTRAINT p_pkey PRIMARY KEY (a));
CREATE TABLE c (x int REFERENCES p (a));
CREATE TABLE u (id int NOT NULL, code text);
CREATE UNIQUE INDEX u_code_idx ON u (code);
