SELECT n.*, r.r_name, n.n_nationkey * 10 AS ten
FROM tpch.nation AS n INNER JOIN tpch.region r ON n.n_regionkey = r.r_regionkey
ORDER BY n.n_nationkey
