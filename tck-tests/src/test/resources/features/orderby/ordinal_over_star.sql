-- ORDER BY ordinals over SELECT *: Spark counts the expanded columns
SELECT * FROM tpch.nation ORDER BY 3 DESC, 1
