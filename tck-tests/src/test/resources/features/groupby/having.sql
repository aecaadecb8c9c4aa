SELECT o_custkey, count(*) AS n FROM tpch.orders
GROUP BY o_custkey HAVING n > 25 AND (min(o_orderkey) > 0 OR max(o_totalprice) < 0)
ORDER BY o_custkey
