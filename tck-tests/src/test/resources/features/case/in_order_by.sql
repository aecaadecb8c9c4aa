SELECT o_orderpriority,
       sum(CASE WHEN o_orderstatus = 'F' THEN 1 ELSE 0 END) AS finished,
       count(CASE WHEN o_orderstatus = 'O' THEN 1 END) AS open
FROM tpch.orders GROUP BY o_orderpriority
ORDER BY CASE o_orderpriority WHEN '1-URGENT' THEN 0 ELSE 1 END, o_orderpriority
