-- ORDER BY ALL over SELECT DISTINCT
SELECT DISTINCT n_regionkey, n_nationkey % 2 AS parity FROM tpch.nation ORDER BY ALL
