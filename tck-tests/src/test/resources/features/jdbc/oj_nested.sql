SELECT c.c_custkey AS custkey, o.o_orderkey AS orderkey, n.n_name AS nation
FROM {oj tpch.customer c LEFT OUTER JOIN tpch.orders o ON c.c_custkey = o.o_custkey
       LEFT OUTER JOIN tpch.nation n ON c.c_nationkey = n.n_nationkey AND n.n_regionkey = 1}
WHERE c.c_custkey <= 10
ORDER BY custkey, orderkey NULLS FIRST
