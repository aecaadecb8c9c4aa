SELECT n_regionkey FROM tpch.nation GROUP BY n_regionkey ORDER BY sum(n_nationkey) DESC, n_regionkey
