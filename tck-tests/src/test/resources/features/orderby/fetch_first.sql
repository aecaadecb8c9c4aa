SELECT o_orderkey AS k FROM tpch.orders ORDER BY o_totalprice DESC, o_orderkey FETCH FIRST 5 ROWS ONLY
