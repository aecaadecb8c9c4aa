SELECT * FROM (SELECT n_regionkey AS rk, n_name FROM tpch.nation) a
JOIN (SELECT r_regionkey AS rk, r_name FROM tpch.region) b USING (rk)
JOIN (SELECT r_regionkey AS rk, r_regionkey * 10 AS ten FROM tpch.region) c USING (rk)
ORDER BY n_name
