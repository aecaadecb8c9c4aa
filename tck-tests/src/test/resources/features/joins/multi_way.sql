-- four joins, one of them in comma form
SELECT r.r_name, n.n_name, count(*) AS orders, sum(o.o_totalprice) AS total
FROM tpch.orders o
JOIN tpch.customer c ON o.o_custkey = c.c_custkey
JOIN tpch.nation n ON c.c_nationkey = n.n_nationkey, tpch.region r
WHERE n.n_regionkey = r.r_regionkey AND o.o_orderdate < DATE '1993-01-01'
GROUP BY r.r_name, n.n_name
ORDER BY r.r_name, n.n_name
