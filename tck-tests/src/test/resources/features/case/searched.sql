SELECT o_orderkey,
       CASE WHEN o_totalprice > 300000 THEN 'high' WHEN o_totalprice > 100000 THEN 'medium' ELSE 'low' END AS band,
       CASE WHEN o_orderstatus = 'F' THEN o_orderdate END AS finished_on,
       CASE o_orderpriority WHEN '1-URGENT' THEN 1 WHEN '2-HIGH' THEN 2 ELSE 0 END AS simple_case,
       CASE o_orderstatus WHEN 'O' THEN 'open' END AS simple_without_else
FROM tpch.orders WHERE o_orderkey < 100 ORDER BY o_orderkey
