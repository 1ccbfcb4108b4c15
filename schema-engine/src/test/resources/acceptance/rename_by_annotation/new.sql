CREATE TYPE state AS ENUM ('new', 'finished');
CREATE TABLE clients (id int PRIMARY KEY, name text NOT NULL, st state, CONSTRAINT name_length CHECK (length(name) < 100));
CREATE INDEX clients_name ON clients (name);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES clients (id));
