SELECT n_name, n_regionkey FROM tpch.nation WHERE n_regionkey = 0
UNION
SELECT r_name, r_regionkey FROM tpch.region
ORDER BY 2, 1
