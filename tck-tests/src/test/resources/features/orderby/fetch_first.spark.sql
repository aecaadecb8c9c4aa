SELECT o_orderkey AS k FROM tpch.orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 5
