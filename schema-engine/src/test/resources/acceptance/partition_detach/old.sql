CREATE TABLE logs (id int NOT NULL, at date NOT NULL, msg text, CONSTRAINT msg_short CHECK (length(msg) < 100),
                   PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX logs_msg ON logs (msg);
CREATE TABLE logs_2024_01 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE logs_2024_02 PARTITION OF logs FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE logs_2024_03 PARTITION OF logs FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
INSERT INTO logs VALUES (1, '2024-01-03', 'jan'), (2, '2024-02-03', 'feb'), (3, '2024-03-03', 'mar');
CREATE TABLE events (id int, kind text) PARTITION BY LIST (kind);
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
INSERT INTO events VALUES (1, 'a');
