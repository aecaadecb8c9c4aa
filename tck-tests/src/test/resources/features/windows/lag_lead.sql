SELECT n_nationkey, max(n_name) OVER (PARTITION BY n_regionkey) AS last_name,
       ntile(4) OVER (ORDER BY n_nationkey) AS quartile,
       first_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS first_name,
       percent_rank() OVER (ORDER BY n_nationkey) AS pr, cume_dist() OVER (ORDER BY n_regionkey) AS cd,
       lag(n_name) OVER (ORDER BY n_nationkey) AS prev, lead(n_name, 2, 'none') OVER (ORDER BY n_nationkey) AS next2,
       lag(n_nationkey, 1, 0) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey) AS prev_in_region
FROM tpch.nation ORDER BY n_nationkey
