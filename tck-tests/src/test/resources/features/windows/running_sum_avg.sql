SELECT o_custkey, o_orderkey,
       sum(o_totalprice) OVER (PARTITION BY o_custkey ORDER BY o_orderkey) AS running,
       avg(o_totalprice) OVER (PARTITION BY o_custkey) AS avg_total
FROM tpch.orders WHERE o_custkey < 8 ORDER BY o_custkey, o_orderkey
