SELECT n_nationkey FROM tpch.nation
WHERE n_nationkey IN (SELECT s_nationkey FROM tpch.supplier WHERE s_suppkey < 5 UNION SELECT 24)
ORDER BY n_nationkey
