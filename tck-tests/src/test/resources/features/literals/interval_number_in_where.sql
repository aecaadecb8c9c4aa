-- TPC-DS's date window: o_orderdate BETWEEN a date and that date + INTERVAL 30 DAYS
SELECT o_orderkey, o_orderdate
FROM tpch.orders
WHERE o_orderdate BETWEEN CAST('1995-01-01' AS DATE) AND CAST('1995-01-01' AS DATE) + INTERVAL 30 DAYS
  AND o_orderkey < 3000
ORDER BY o_orderkey
