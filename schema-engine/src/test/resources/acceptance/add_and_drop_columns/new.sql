CREATE TABLE t (id int PRIMARY KEY, a varchar(20) COLLATE "C" DEFAULT 'x', b bigint, c timestamp(3) DEFAULT now() NOT NULL, d int[] DEFAULT ARRAY[1,2]);
