SELECT o_orderkey AS k, {fn CONVERT(o_orderkey, SQL_VARCHAR)} AS s
FROM tpch.orders WHERE o_orderkey < 10 ORDER BY o_orderkey
