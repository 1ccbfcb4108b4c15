CREATE TABLE logs (id int NOT NULL, at date NOT NULL, msg text, CONSTRAINT msg_short CHECK (length(msg) < 100),
                   PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX logs_msg ON logs (msg);
CREATE TABLE logs_2024_02 PARTITION OF logs FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
-- detached, keeping the primary key and the check it had from the parent, one column more
CREATE TABLE logs_2024_01 (id int NOT NULL, at date NOT NULL, msg text, note text,
                           CONSTRAINT msg_short CHECK (length(msg) < 100), CONSTRAINT logs_2024_01_pkey PRIMARY KEY (id, at));
CREATE INDEX logs_2024_01_msg_idx ON logs_2024_01 (msg);
-- detached, plain
CREATE TABLE logs_2024_03 (id int NOT NULL, at date NOT NULL, msg text);
-- its parent is dropped
CREATE TABLE events_a (id int, kind text);
