CREATE TABLE keep (id int PRIMARY KEY);
CREATE TABLE drop_a (id int PRIMARY KEY, b_id int);
CREATE TABLE drop_b (id int PRIMARY KEY, a_id int REFERENCES drop_a (id));
ALTER TABLE drop_a ADD FOREIGN KEY (b_id) REFERENCES drop_b (id);
CREATE TABLE ref_keep (id int, k int REFERENCES keep (id));
