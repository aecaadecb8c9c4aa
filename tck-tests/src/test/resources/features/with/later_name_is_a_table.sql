-- error: TABLE_OR_VIEW_NOT_FOUND
-- a CTE sees only the CTEs before it: b here is a table, and there is none
WITH a AS (SELECT * FROM b), b AS (SELECT 1 AS x) SELECT * FROM a
