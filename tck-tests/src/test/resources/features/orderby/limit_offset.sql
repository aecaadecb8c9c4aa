SELECT o_orderkey FROM tpch.orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 5 OFFSET 10
