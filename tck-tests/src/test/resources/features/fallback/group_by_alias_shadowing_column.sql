-- GROUP BY a SELECT alias that is also an input column: Spark groups by the column
SELECT n_regionkey AS n_nationkey, count(*) AS c FROM tpch.nation
GROUP BY n_regionkey, n_nationkey ORDER BY 1, 2
