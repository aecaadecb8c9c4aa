SELECT * FROM (
  SELECT o_custkey, o_orderkey, o_orderpriority,
         row_number() OVER (PARTITION BY o_custkey ORDER BY o_orderpriority, o_orderkey) AS rn,
         rank() OVER (PARTITION BY o_custkey ORDER BY o_orderpriority) AS rnk,
         dense_rank() OVER (PARTITION BY o_custkey ORDER BY o_orderpriority) AS drnk
  FROM tpch.orders WHERE o_custkey < 20) t
WHERE rn <= 4
ORDER BY o_custkey, rn
