SELECT o_orderkey, o_custkey, o_orderdate,
       sum(o_custkey) OVER (ORDER BY o_custkey RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS s,
       count(*) OVER (ORDER BY o_custkey RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c,
       count(*) OVER (ORDER BY o_orderdate RANGE BETWEEN INTERVAL '30' DAY PRECEDING AND CURRENT ROW) AS last30days
FROM tpch.orders WHERE o_custkey < 20 ORDER BY o_orderkey
