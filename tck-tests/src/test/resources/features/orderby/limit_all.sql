SELECT n_nationkey FROM tpch.nation ORDER BY n_nationkey LIMIT ALL OFFSET 20
