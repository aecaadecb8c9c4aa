-- set: spark.sql.ansi.enabled=false
-- the server applies the session's ANSI setting to the plan as to the text
SELECT CAST('abc' AS INT) AS bad_cast, 2147483647 + 1 AS overflow, '1' = 1 AS string_number,
       n_nationkey / 0 AS by_zero, element_at(array(1), 5) AS out_of_bounds
FROM tpch.nation
ORDER BY n_nationkey
