SELECT o_orderkey AS k FROM tpch.orders ORDER BY o_orderkey LIMIT 5 OFFSET 10
