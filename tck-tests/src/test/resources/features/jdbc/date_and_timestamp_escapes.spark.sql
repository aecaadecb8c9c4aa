SELECT o_orderkey AS k, o_orderdate AS d, DATE '2024-01-31' AS lit_d, TIMESTAMP '2024-01-31 12:34:56.5' AS lit_ts
FROM tpch.orders
WHERE o_orderdate BETWEEN DATE '1995-03-01' AND DATE '1995-03-02'
  AND CAST(o_orderdate AS TIMESTAMP) < TIMESTAMP '1995-03-02 00:00:01'
ORDER BY o_orderkey
