SELECT o_orderkey, sum(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) AS s,
       count(*) OVER (ORDER BY o_orderkey ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c,
       max(o_orderkey) OVER (ORDER BY o_orderkey ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS m,
       sum(o_orderkey) OVER (ORDER BY o_orderkey ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS next3,
       sum(o_orderkey) OVER (ORDER BY o_orderkey ROWS 2 PRECEDING) AS last3
FROM tpch.orders WHERE o_orderkey < 70 ORDER BY o_orderkey
