WITH a AS (SELECT n_nationkey AS k FROM tpch.nation WHERE n_regionkey = 0)
SELECT k FROM a UNION ALL SELECT k + 100 FROM a ORDER BY k
