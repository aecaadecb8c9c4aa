SELECT n_regionkey FROM tpch.nation GROUP BY n_regionkey HAVING sum(n_nationkey) > 50 ORDER BY n_regionkey
