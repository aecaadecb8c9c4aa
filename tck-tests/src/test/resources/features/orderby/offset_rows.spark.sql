SELECT n_nationkey AS k FROM tpch.nation ORDER BY n_nationkey OFFSET 20
