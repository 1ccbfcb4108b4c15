CREATE TYPE new_status AS ENUM ('open', 'closed', 'archived');
CREATE TABLE tickets (id int, s new_status, hist new_status[]);
