-- GROUP BY ALL parses, but goes as text: Spark expands ALL only when no column is named ALL
SELECT n_regionkey, count(*) AS c FROM tpch.nation GROUP BY ALL ORDER BY n_regionkey
