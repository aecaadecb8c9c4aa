-- Spark's two-argument datediff(end, start) (Calcite's lenient grammar read DATEDIFF(unit, start, end))
SELECT o_orderkey, datediff(DATE '1999-01-01', o_orderdate) AS days_left
FROM tpch.orders WHERE o_orderkey < 10 ORDER BY o_orderkey
