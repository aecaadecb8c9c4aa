SELECT n_nationkey AS n_regionkey, n_regionkey AS r FROM tpch.nation ORDER BY n_regionkey DESC
