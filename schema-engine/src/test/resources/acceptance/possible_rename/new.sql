CREATE TABLE persons (id int, surname text);
CREATE TABLE keep (a int, old_name text);
