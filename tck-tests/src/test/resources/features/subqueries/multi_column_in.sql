SELECT l_orderkey, l_linenumber FROM tpch.lineitem
WHERE (l_orderkey, l_linenumber) IN (SELECT o_orderkey, 1 FROM tpch.orders WHERE o_orderkey < 30)
ORDER BY l_orderkey
