SELECT n.n_name, r.r_name
FROM (SELECT * FROM tpch.nation WHERE n_regionkey < 2) n
RIGHT JOIN tpch.region r ON n.n_regionkey = r.r_regionkey
ORDER BY r.r_name, n.n_name
