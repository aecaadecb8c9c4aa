-- (GROUP BY a SELECT alias is not translated: Spark decides between a column and an alias)
SELECT year(o_orderdate), o_orderpriority AS p, o_shippriority, count(*) AS n
FROM tpch.orders WHERE o_orderstatus = 'P'
GROUP BY year(o_orderdate), o_orderpriority, 3
ORDER BY year(o_orderdate), p
