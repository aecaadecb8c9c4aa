SELECT n_nationkey, row_number() OVER (ORDER BY n_nationkey), sum(n_regionkey) OVER (PARTITION BY n_regionkey),
       lag(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_name DESC)
FROM tpch.nation ORDER BY n_nationkey
