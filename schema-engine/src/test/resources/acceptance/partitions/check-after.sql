SELECT count(*) = 1 FROM logs WHERE msg = 'kept'
