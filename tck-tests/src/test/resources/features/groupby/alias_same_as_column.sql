-- GROUP BY a name that a SELECT item gives to the column of that same name (generated SQL's
-- habit): the column, whichever way Spark decides
SELECT n.n_regionkey AS n_regionkey, count(*) AS c
FROM tpch.nation n
GROUP BY n_regionkey
ORDER BY n_regionkey
