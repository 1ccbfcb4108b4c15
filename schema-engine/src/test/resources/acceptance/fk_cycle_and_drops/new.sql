CREATE TABLE keep (id int PRIMARY KEY);
CREATE TABLE new_a (id int PRIMARY KEY, b_id int);
CREATE TABLE new_b (id int PRIMARY KEY, a_id int REFERENCES new_a (id));
ALTER TABLE new_a ADD FOREIGN KEY (b_id) REFERENCES new_b (id);
CREATE TABLE ref_keep (id int, k int);
