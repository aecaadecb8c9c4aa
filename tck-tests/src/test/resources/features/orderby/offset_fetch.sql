SELECT o_orderkey AS k FROM tpch.orders ORDER BY o_orderkey OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY
