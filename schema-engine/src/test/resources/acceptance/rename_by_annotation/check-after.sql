SELECT count(*) = 1 FROM clients WHERE name = 'Ada Lovelace' AND st = 'finished'
