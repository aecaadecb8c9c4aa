-- TABLESAMPLE (BUCKET x OUT OF y) with a seed
SELECT count(*) AS c, sum(n_nationkey) AS s FROM tpch.nation TABLESAMPLE (BUCKET 2 OUT OF 5) REPEATABLE (3)
