-- TABLESAMPLE (n PERCENT) with a seed: the same Sample as Spark's parser builds, so the same rows
SELECT l_orderkey, l_linenumber FROM tpch.lineitem TABLESAMPLE (1 PERCENT) REPEATABLE (42)
