-- GROUP BY a SELECT alias that no input column has: Spark groups by the aliased expression.
-- Connect's Aggregate repeats its keys in its output list, where the alias does not resolve,
-- so this goes as text
SELECT n_regionkey % 2 AS parity, count(*) AS c FROM tpch.nation GROUP BY parity ORDER BY parity
