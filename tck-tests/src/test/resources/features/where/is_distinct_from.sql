SELECT a, b, a IS DISTINCT FROM b AS distinct_ab, a IS NOT DISTINCT FROM b AS same_ab
FROM (SELECT nullif(n_regionkey, 1) AS a, nullif(n_nationkey % 3, 0) AS b FROM tpch.nation) t
WHERE a IS NOT DISTINCT FROM b OR a IS DISTINCT FROM 2
ORDER BY a NULLS FIRST, b NULLS FIRST
