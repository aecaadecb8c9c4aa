SELECT o_orderkey AS k, o_orderdate AS d, {d '2024-01-31'} AS lit_d, {ts '2024-01-31 12:34:56.5'} AS lit_ts
FROM tpch.orders
WHERE o_orderdate BETWEEN {d '1995-03-01'} AND {d '1995-03-02'}
  AND CAST(o_orderdate AS TIMESTAMP) < {ts '1995-03-02 00:00:01'}
ORDER BY o_orderkey
