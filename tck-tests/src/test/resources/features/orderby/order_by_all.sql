-- ORDER BY ALL sorts by every SELECT column, left to right, in the given direction
SELECT n_regionkey, n_nationkey % 3 AS m, n_name FROM tpch.nation ORDER BY ALL DESC
