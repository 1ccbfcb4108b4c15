CREATE TYPE old_status AS ENUM ('open', 'closed');
CREATE TABLE tickets (id int, s old_status, hist old_status[]);
INSERT INTO tickets VALUES (1, 'closed', '{open,closed}');
