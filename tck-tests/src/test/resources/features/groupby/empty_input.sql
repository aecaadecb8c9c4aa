-- a global aggregate over no rows gives one row, a grouped one none
SELECT 'global' AS kind, count(*) AS n, sum(n_nationkey) AS s FROM tpch.nation WHERE n_nationkey < 0
UNION ALL
SELECT 'grouped', count(*), sum(n_nationkey) FROM tpch.nation WHERE n_nationkey < 0 GROUP BY n_regionkey
