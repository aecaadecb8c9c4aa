SELECT o_orderkey, EXTRACT(YEAR FROM o_orderdate) AS y, EXTRACT(MONTH FROM o_orderdate) AS m,
       EXTRACT(DAY FROM o_orderdate) AS d, EXTRACT(QUARTER FROM o_orderdate) AS q, EXTRACT(WEEK FROM o_orderdate) AS w,
       EXTRACT(DOW FROM o_orderdate) AS dow, EXTRACT(DOY FROM o_orderdate) AS doy,
       EXTRACT(HOUR FROM TIMESTAMP '2024-01-31 13:14:15') AS h, EXTRACT(MINUTE FROM TIMESTAMP '2024-01-31 13:14:15') AS mi,
       EXTRACT(MONTH FROM INTERVAL '1-2' YEAR TO MONTH) AS interval_months, EXTRACT(SECOND FROM TIMESTAMP '2024-01-31 13:14:15.5') AS s,
       year(o_orderdate) AS y2, date_add(o_orderdate, 7) AS week_later, date_sub(o_orderdate, 2) AS two_days_before,
       add_months(o_orderdate, 1) AS month_later, date_format(o_orderdate, 'yyyy/MM') AS ym
FROM tpch.orders WHERE o_orderkey < 40 ORDER BY o_orderkey
