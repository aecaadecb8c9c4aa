SELECT o_orderkey AS k, {fn YEAR(o_orderdate)} AS y, {fn MONTH(o_orderdate)} AS m,
       {fn DAYOFMONTH(o_orderdate)} AS d, {fn DAYOFWEEK(o_orderdate)} AS dow, {fn QUARTER(o_orderdate)} AS q,
       {fn DAYOFYEAR(o_orderdate)} AS doy, {fn WEEK(o_orderdate)} AS w, {fn DAYNAME(o_orderdate)} AS dn,
       {fn MONTHNAME(o_orderdate)} AS mn, {fn YEAR({d '2024-01-31'})} AS y_lit,
       {fn HOUR({ts '2024-01-31 13:14:15'})} AS h, {fn MINUTE({ts '2024-01-31 13:14:15'})} AS mi,
       {fn SECOND({ts '2024-01-31 13:14:15'})} AS s, {fn CURDATE()} = current_date() AS today
FROM tpch.orders WHERE o_orderkey < 40 ORDER BY o_orderkey
