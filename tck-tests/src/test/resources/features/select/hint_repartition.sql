-- partitioning hints with a number and a column, two in one comment
SELECT /*+ REPARTITION(3), COALESCE(2) */ n_regionkey, count(*) AS c
FROM tpch.nation GROUP BY n_regionkey
