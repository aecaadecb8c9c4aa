-- WITH RECURSIVE: Connect plans have no recursive CTE, Spark 4.2 runs it from the text
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r ORDER BY n
