-- date ± interval (day, month, year, year to month), timestamp ± interval
SELECT o_orderkey, o_orderdate,
       o_orderdate + INTERVAL '10' DAY AS plus_days,
       o_orderdate - INTERVAL '1' MONTH AS minus_month,
       o_orderdate + INTERVAL '1' YEAR AS plus_year,
       o_orderdate + INTERVAL '1-2' YEAR TO MONTH AS plus_year_month,
       CAST(o_orderdate AS TIMESTAMP) + INTERVAL '2' HOUR AS ts_plus_hours
FROM tpch.orders
WHERE o_orderdate < DATE '1998-12-01' - INTERVAL '2400' DAY AND o_orderkey < 1000
ORDER BY o_orderkey
