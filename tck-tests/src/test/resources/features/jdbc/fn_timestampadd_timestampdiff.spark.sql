SELECT o_orderkey AS k, timestampadd(DAY, 1, o_orderdate) AS next_day,
       timestampdiff(DAY, o_orderdate, DATE '1999-01-01') AS days_left
FROM tpch.orders WHERE o_orderkey < 10 ORDER BY o_orderkey
