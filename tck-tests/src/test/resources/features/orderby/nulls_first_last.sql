SELECT nullif(n_regionkey, 2) AS r, nullif(n_nationkey % 5, 0) AS m, n_nationkey FROM tpch.nation
ORDER BY r ASC NULLS LAST, m DESC NULLS FIRST, n_nationkey
