SELECT n_regionkey AS r, count(*) AS c FROM tpch.nation GROUP BY n_regionkey ORDER BY c, n_regionkey DESC
