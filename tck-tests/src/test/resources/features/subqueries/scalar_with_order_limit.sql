SELECT r_name, (SELECT n_name FROM tpch.nation n WHERE n.n_regionkey = r.r_regionkey ORDER BY n_nationkey DESC LIMIT 1) AS last
FROM tpch.region r ORDER BY r_name
