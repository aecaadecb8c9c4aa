SELECT n_regionkey AS k FROM tpch.nation EXCEPT ALL SELECT r_regionkey FROM tpch.region
UNION ALL
(SELECT n_regionkey FROM tpch.nation INTERSECT ALL SELECT n_regionkey FROM tpch.nation WHERE n_nationkey < 6)
