SELECT l_returnflag, l_linestatus, count(*) AS n, grouping(l_linestatus) AS g
FROM tpch.lineitem
GROUP BY ROLLUP (l_returnflag, l_linestatus)
ORDER BY l_returnflag NULLS LAST, l_linestatus NULLS LAST
