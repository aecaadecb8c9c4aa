SELECT o_orderstatus, o_orderpriority, count(*) AS n, grouping_id() AS gid
FROM tpch.orders
GROUP BY CUBE (o_orderstatus, o_orderpriority)
ORDER BY o_orderstatus NULLS FIRST, o_orderpriority NULLS FIRST
