-- error: UNRESOLVED_COLUMN.WITH_SUGGESTION
-- Spark cannot resolve an ORDER BY aggregate that is not selected above a HAVING aggregate
SELECT sum(n_nationkey) AS s FROM tpch.nation GROUP BY n_regionkey
HAVING max(n_name) > 'A' ORDER BY min(n_name)
