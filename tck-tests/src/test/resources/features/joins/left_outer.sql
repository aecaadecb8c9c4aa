SELECT c.c_custkey, o.o_orderkey
FROM tpch.customer c LEFT OUTER JOIN tpch.orders o ON c.c_custkey = o.o_custkey AND o.o_orderkey < 200
WHERE c.c_custkey <= 12
ORDER BY c.c_custkey, o.o_orderkey NULLS FIRST
