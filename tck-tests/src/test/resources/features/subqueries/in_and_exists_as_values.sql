SELECT n_nationkey, n_nationkey IN (SELECT s_nationkey FROM tpch.supplier WHERE s_acctbal > 9900) AS rich,
       EXISTS (SELECT 1 FROM tpch.region WHERE r_regionkey = n_regionkey AND r_name LIKE 'A%') AS in_a_region
FROM tpch.nation ORDER BY n_nationkey
