-- Spark's label of a CASE without ELSE has no ELSE NULL
SELECT CASE n_regionkey WHEN 2 THEN 'two' END, CASE WHEN n_regionkey = 3 THEN 'three' END
FROM tpch.nation ORDER BY n_nationkey
