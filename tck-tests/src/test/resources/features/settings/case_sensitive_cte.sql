-- set: spark.sql.caseSensitive=true
-- error: TABLE_OR_VIEW_NOT_FOUND
-- a case-sensitive session matches CTE names by case
WITH A AS (SELECT 1 AS x) SELECT * FROM a
