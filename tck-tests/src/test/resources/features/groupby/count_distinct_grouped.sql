SELECT l_returnflag, count(DISTINCT l_partkey), count(l_partkey)
FROM tpch.lineitem GROUP BY l_returnflag ORDER BY l_returnflag
