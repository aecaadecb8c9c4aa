SELECT c_custkey, EXISTS (SELECT 1 FROM tpch.orders o WHERE o.o_custkey = c.c_custkey) AS has_orders FROM tpch.customer c
WHERE c_custkey < 60
  AND (EXISTS (SELECT * FROM tpch.orders o WHERE o.o_custkey = c.c_custkey AND o.o_totalprice > 300000)
       OR NOT EXISTS (SELECT 1 FROM tpch.orders o WHERE o.o_custkey = c.c_custkey))
ORDER BY c_custkey
