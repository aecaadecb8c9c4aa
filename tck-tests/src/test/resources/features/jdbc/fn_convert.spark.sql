SELECT o_orderkey AS k, CAST(o_orderkey AS STRING) AS s
FROM tpch.orders WHERE o_orderkey < 10 ORDER BY o_orderkey
