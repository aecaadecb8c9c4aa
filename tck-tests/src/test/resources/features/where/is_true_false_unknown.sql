SELECT n_nationkey, (n_regionkey = 1) IS TRUE AS t, (n_regionkey = 1) IS NOT TRUE AS nt,
       (nullif(n_regionkey, 2) = 1) IS FALSE AS f, (nullif(n_regionkey, 2) = 1) IS NOT FALSE AS nf,
       (nullif(n_regionkey, 2) = 1) IS UNKNOWN AS u, (nullif(n_regionkey, 2) = 1) IS NOT UNKNOWN AS nu
FROM tpch.nation WHERE (n_nationkey > 20) IS NOT TRUE ORDER BY n_nationkey
