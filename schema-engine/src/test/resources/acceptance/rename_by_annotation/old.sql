CREATE TYPE state AS ENUM ('new', 'done');
CREATE TABLE customers (id int PRIMARY KEY, full_name text NOT NULL, st state, CONSTRAINT name_len CHECK (length(full_name) < 100));
CREATE INDEX customers_name ON customers (full_name);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id));
INSERT INTO customers VALUES (1, 'Ada Lovelace', 'done');
