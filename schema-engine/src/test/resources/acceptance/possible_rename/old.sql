CREATE TABLE people (id int, surname text);
CREATE TABLE keep (a int, name text);
