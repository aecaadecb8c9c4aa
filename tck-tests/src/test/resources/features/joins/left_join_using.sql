SELECT rk, n_name, r_name FROM (SELECT r_regionkey AS rk, r_name FROM tpch.region) b
LEFT JOIN (SELECT n_regionkey AS rk, n_name FROM tpch.nation WHERE n_nationkey < 5) a USING (rk)
ORDER BY rk, n_name
