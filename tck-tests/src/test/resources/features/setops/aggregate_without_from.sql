-- aggregates without FROM inside set operations
SELECT count(*) AS c UNION ALL SELECT 5 UNION ALL SELECT max(7)
