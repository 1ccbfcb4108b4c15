CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TYPE old_type AS ENUM ('a');
CREATE TABLE t (id int, m mood, o old_type);
