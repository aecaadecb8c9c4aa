SELECT t.o_orderkey, t.o_totalprice
FROM (SELECT o_orderkey, o_totalprice FROM tpch.orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 5) t
ORDER BY t.o_orderkey
