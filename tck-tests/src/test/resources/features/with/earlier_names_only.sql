-- a CTE sees the CTEs before it, and an inner WITH sees the outer ones
WITH a AS (SELECT n_nationkey AS k FROM tpch.nation WHERE n_nationkey < 5),
     b AS (SELECT k + 100 AS k FROM a)
SELECT * FROM (WITH c AS (SELECT k FROM b WHERE k > 101) SELECT k FROM c)
ORDER BY k
