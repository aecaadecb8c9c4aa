(SELECT n_nationkey AS k FROM tpch.nation INTERSECT SELECT s_nationkey FROM tpch.supplier WHERE s_acctbal > 9000)
UNION ALL
(SELECT n_nationkey FROM tpch.nation EXCEPT SELECT s_nationkey FROM tpch.supplier WHERE s_suppkey < 50)
