SELECT n_nationkey::STRING AS s, n_regionkey::DOUBLE AS d, CAST('true' AS BOOLEAN) AS b, CAST(n_nationkey AS BOOLEAN) AS nb
FROM tpch.nation ORDER BY n_nationkey
