SELECT (SELECT count(*) FROM logs) = 1 AND (SELECT msg FROM logs_2024_01) = 'jan' AND (SELECT msg FROM logs_2024_03) = 'mar'
   AND (SELECT kind FROM events_a) = 'a'
