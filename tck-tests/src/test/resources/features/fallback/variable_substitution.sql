-- set: spark.sql.shuffle.partitions=3
-- Spark replaces ${...} with the session's value before it parses the text, even inside a string
SELECT '${spark.sql.shuffle.partitions}' AS partitions, n_name FROM tpch.nation ORDER BY n_name
