-- no NULLS clause: Spark sorts NULLs first ascending and last descending
SELECT nullif(n_regionkey, 2) AS r, nullif(n_nationkey % 5, 0) AS m, n_nationkey FROM tpch.nation
ORDER BY r DESC, m, n_nationkey
