SELECT n_name AS name, n_nationkey AS k FROM tpch.nation
UNION ALL
SELECT r_name, r_regionkey FROM tpch.region
ORDER BY name DESC
LIMIT 6
