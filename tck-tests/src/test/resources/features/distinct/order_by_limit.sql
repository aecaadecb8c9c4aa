SELECT DISTINCT n_nationkey % 4 AS m, n_regionkey FROM tpch.nation ORDER BY m DESC, 2 LIMIT 12
