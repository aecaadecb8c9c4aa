-- error: INVALID_SQL_SYNTAX.REPETITIVE_WINDOW_DEFINITION
SELECT n_name, sum(n_nationkey) OVER w AS s FROM tpch.nation
WINDOW w AS (ORDER BY n_name), w AS (ORDER BY n_nationkey)
