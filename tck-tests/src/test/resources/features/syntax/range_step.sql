-- range(start, end, step) in FROM, with an alias and a filter
SELECT r.id, r.id * 2 AS twice FROM range(1, 10, 2) AS r WHERE r.id > 2 ORDER BY r.id
