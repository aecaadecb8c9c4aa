-- NATURAL JOIN: the shared column names are known only to the server
SELECT * FROM tpch.nation NATURAL JOIN tpch.region ORDER BY n_nationkey
