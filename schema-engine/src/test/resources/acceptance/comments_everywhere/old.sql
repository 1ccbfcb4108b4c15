CREATE TABLE t (id int PRIMARY KEY, a text CONSTRAINT a_len CHECK (length(a) < 10));
CREATE INDEX t_a ON t (a);
COMMENT ON TABLE t IS 'old comment';
COMMENT ON COLUMN t.a IS 'to be removed';
