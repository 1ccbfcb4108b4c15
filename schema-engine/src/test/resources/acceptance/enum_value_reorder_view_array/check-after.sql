SELECT (SELECT count(*) FROM app.levels WHERE lvl = 'high' AND n = 1) = 1
   AND (SELECT history FROM app.tasks WHERE id = 1) = '{low,medium,high}'
   AND (SELECT max(lvl) FROM app.tasks) = 'high'
   AND app.rank('high') = 2
