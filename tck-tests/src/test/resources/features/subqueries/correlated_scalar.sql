SELECT c.c_custkey, (SELECT count(*) FROM tpch.orders o WHERE o.o_custkey = c.c_custkey) AS orders,
       (SELECT count(*) FROM tpch.orders o WHERE o.o_custkey = c.c_custkey
          AND o.o_totalprice > (SELECT avg(o_totalprice) FROM tpch.orders)) AS big_orders
FROM tpch.customer c WHERE c.c_custkey <= 15 ORDER BY c.c_custkey
