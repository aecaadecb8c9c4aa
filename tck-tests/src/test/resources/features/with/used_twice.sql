WITH big AS (SELECT n_regionkey AS rk, n_nationkey AS k FROM tpch.nation WHERE n_nationkey > 12)
SELECT a.rk, a.k, b.k AS other FROM big a JOIN big b ON a.rk = b.rk AND a.k < b.k
WHERE a.k IN (SELECT k FROM big WHERE rk > 0)
ORDER BY a.rk, a.k, other
