SELECT count(*) = 1 FROM tickets WHERE s = 'closed' AND hist = '{open,closed}'
