SELECT o_orderkey AS k, year(o_orderdate) AS y, month(o_orderdate) AS m,
       dayofmonth(o_orderdate) AS d, dayofweek(o_orderdate) AS dow, quarter(o_orderdate) AS q,
       dayofyear(o_orderdate) AS doy, weekofyear(o_orderdate) AS w, dayname(o_orderdate) AS dn,
       monthname(o_orderdate) AS mn, year(DATE '2024-01-31') AS y_lit,
       hour(TIMESTAMP '2024-01-31 13:14:15') AS h, minute(TIMESTAMP '2024-01-31 13:14:15') AS mi,
       second(TIMESTAMP '2024-01-31 13:14:15') AS s, current_date() = current_date() AS today
FROM tpch.orders WHERE o_orderkey < 40 ORDER BY o_orderkey
