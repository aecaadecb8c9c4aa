SELECT n_nationkey FROM tpch.nation
WHERE n_nationkey NOT IN (SELECT s_nationkey FROM tpch.supplier WHERE s_suppkey < 40)
   OR n_nationkey IN (SELECT s_nationkey FROM tpch.supplier ORDER BY s_suppkey LIMIT 3)
ORDER BY n_nationkey
