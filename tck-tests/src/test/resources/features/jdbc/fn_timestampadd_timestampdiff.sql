SELECT o_orderkey AS k, {fn TIMESTAMPADD(SQL_TSI_DAY, 1, o_orderdate)} AS next_day,
       {fn TIMESTAMPDIFF(SQL_TSI_DAY, o_orderdate, {d '1999-01-01'})} AS days_left
FROM tpch.orders WHERE o_orderkey < 10 ORDER BY o_orderkey
